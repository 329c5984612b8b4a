package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The container files agree with the build: no Docker engine runs here, so what can be checked
 * without one is checked against the poms and the tree (and by Debian's docker-compose, when present).
 */
class ContainerFilesTest {
  static final Path ROOT = Path.of(System.getProperty("thumbs.testdata", "testdata")).toAbsolutePath().getParent();
  private static final Pattern COPY_JAR = Pattern.compile("(?m)^COPY --from=build /src/([a-z-]+)/target/(\\S+\\.jar) ");
  private static final Pattern FAT_JAR = Pattern.compile("<fatjar\\.name>([^<]+)</fatjar\\.name>");
  private static final Pattern COMPOSE_REF = Pattern.compile("(?m)^\\s+(?:dockerfile|env_file):\\s*(\\S+)\\s*$");
  private static final Pattern COMPOSE_MOUNT = Pattern.compile("(?m)^\\s+- \\./(\\S+?):/");
  private static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");

  /** Modules shipped as container images: those with a Dockerfile next to their pom. */
  private static List<String> runnableModules() throws IOException {
    try (var dirs = Files.list(ROOT)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isRegularFile(d.resolve("Dockerfile")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  @DisplayName("Every jar a Dockerfile copies is the shaded jar its module's build produces")
  void copiedJarsAreBuilt() throws IOException {
    int copies = 0;
    for (var module : runnableModules()) {
      var dockerfile = Files.readString(ROOT.resolve(module).resolve("Dockerfile"));
      var copy = COPY_JAR.matcher(dockerfile);
      while (copy.find()) {
        copies++;
        var pom = Files.readString(ROOT.resolve(copy.group(1)).resolve("pom.xml"));
        var finalName = FAT_JAR.matcher(pom);
        assertThat(finalName.find()).as("%s builds a shaded jar", copy.group(1)).isTrue();
        assertThat(copy.group(2)).as("jar copied by %s/Dockerfile", module).isEqualTo(finalName.group(1) + ".jar");
        assertThat(dockerfile).as("%s/Dockerfile starts the jar it copies", module).contains("\"/app/" + copy.group(2) + "\"");
      }
    }
    assertThat(copies).as("jars copied").isEqualTo(runnableModules().size());
  }

  @Test
  @DisplayName("Every runnable's image runs as a non-root user and has a HEALTHCHECK on its health route")
  void imagesAreNonRootWithHealthcheck() throws IOException {
    assertThat(runnableModules()).contains("gateway", "render-worker", "sample-archive", "app");
    for (var module : runnableModules()) {
      var dockerfile = Files.readString(ROOT.resolve(module).resolve("Dockerfile"));
      assertThat(dockerfile).as(module).containsPattern("(?m)^USER (?!root|0\\b)\\S+");
      assertThat(dockerfile).as(module).containsPattern("(?m)^HEALTHCHECK .*\\n\\s+CMD curl -fsS http://127\\.0\\.0\\.1:\\S+/health/? ");
      assertThat(dockerfile).as(module).containsPattern("(?m)^FROM \\S+ AS build$");
    }
  }

  @Test
  @DisplayName("docker-compose.yml references Dockerfiles, env files and config files that exist")
  void composeReferencesExist() throws IOException {
    var compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    var references = new ArrayList<String>();
    var ref = COMPOSE_REF.matcher(compose);
    while (ref.find()) {
      references.add(ref.group(1));
    }
    var mount = COMPOSE_MOUNT.matcher(compose);
    while (mount.find()) {
      references.add(mount.group(1));
    }
    assertThat(references).contains("gateway/Dockerfile", "render-worker/Dockerfile", "sample-archive/Dockerfile",
        "config/gateway.env", "config/render-worker.env", "config/prometheus.yml");
    assertThat(references).allSatisfy(path -> assertThat(ROOT.resolve(path)).as(path).isRegularFile());
    assertThat(compose).as("docker-compose v1 rejects a top-level name").doesNotContainPattern("(?m)^name:");
  }

  @Test
  @DisplayName("The compose stack runs the whole warm flow: a RabbitMQ service the sample archive announces on and the gateway listens to")
  void composeWarmFlow() throws IOException {
    var compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    var gatewayEnv = Files.readString(ROOT.resolve("config/gateway.env"));
    assertThat(compose).containsPattern("(?m)^  rabbitmq:$").contains("QUEUE_BROKER_URL: amqp://thumbs:thumbs-rabbit-secret@rabbitmq:5672");
    assertThat(gatewayEnv).contains("WARM_BROKER_URL=amqp://thumbs:thumbs-rabbit-secret@rabbitmq:5672");
  }

  @Test
  @DisplayName("Debian's docker-compose accepts docker-compose.yml (config -q)")
  void composeFileValidates() throws Exception {
    assumeTrue(Files.isExecutable(DOCKER_COMPOSE), DOCKER_COMPOSE + " is absent (apt-get install docker-compose); "
        + "composeReferencesExist still checks what the file points at");
    var process = new ProcessBuilder(DOCKER_COMPOSE.toString(), "-f", "docker-compose.yml", "config", "-q")
        .directory(ROOT.toFile()).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
