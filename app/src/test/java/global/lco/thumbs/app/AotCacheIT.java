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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' ahead-of-time cache (config/aot-cache.sh, docs/performance.md): recorded from
 * {@code --aot-training} of the single-machine jar (on the bundled frames) and of the render-worker
 * jar (its made-up frame), reused while the jar is unchanged, and accepted by the JVM that starts
 * it with the same options. A copy of the jar keeps the build's own cache untouched.
 */
class AotCacheIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"app/target/thumbs.jar, AOT training done (bundled frames)",
      "render-worker/target/thumbs-render-worker.jar, AOT training done (20 rounds"})
  @DisplayName("aot-cache.sh records the cache from the jar's training run once, and the JVM opens it")
  void recordsOnceAndTheJvmOpensIt(String built, String trained) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    assumeTrue(run(List.of(java, "-XX:+PrintFlagsFinal", "-version")).contains(" AOTCacheOutput "),
        "this JDK has no -XX:AOTCacheOutput (it needs JDK 25): the launchers start without a cache");
    Path jar = Files.copy(ROOT.resolve(built), dir.resolve(Path.of(built).getFileName()));
    List<String> options = List.of(run(List.of("sh", ROOT.resolve("config/jvm-options.sh").toString())).trim()
        .split("\\s+"));
    var script = new ArrayList<>(List.of("sh", ROOT.resolve("config/aot-cache.sh").toString(), java, jar.toString()));
    script.addAll(options);
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    Path cache = dir.resolve(name + ".aot");

    String first = stdout(script).trim();
    String training = Files.readString(dir.resolve(name + ".aot.log"));
    System.out.println("aot-cache.sh printed: " + first + "; " + Files.size(cache) + " bytes");
    assertThat(first).isEqualTo("-XX:AOTCache=" + cache);
    assertThat(training).contains(trained);
    if (name.equals("thumbs")) {
      // The single-machine service asked itself for what users ask, and rendered it.
      assertThat(training).contains("route=iiif-image status=200").contains("cache=miss");
    }
    long recorded = Files.getLastModifiedTime(cache).toMillis();

    assertThat(stdout(script).trim()).as("the cache of an unchanged jar is reused").isEqualTo(first);
    assertThat(Files.getLastModifiedTime(cache).toMillis()).isEqualTo(recorded);

    var start = new ArrayList<>(List.of(java));
    start.addAll(options);
    start.addAll(List.of(first, "-Xlog:aot=info", "-jar", jar.toString(), "--help"));
    assertThat(run(start)).contains("Opened AOT cache").doesNotContain("Unable to use AOT cache");
  }

  /** As {@link #run}, standard output alone (aot-cache.sh reports its progress on standard error). */
  private static String stdout(List<String> command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  /** Runs a command from the repository's root (where the bundled frames are) and returns its output. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }
}
