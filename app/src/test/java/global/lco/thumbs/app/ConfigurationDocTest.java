package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/configuration.md} is the one table of every environment variable: it may neither
 * miss a variable the code reads nor list one nothing reads. The code's reads are found in the
 * sources of the runnable modules: {@code env.integer("NAME", …)} and the other {@code Env}
 * readers, the sample archive's {@code value(env, "NAME")}, {@code System.getenv("NAME")}, and
 * {@code ${NAME:-…}} in the logging configuration.
 */
class ConfigurationDocTest {
  private static final List<String> MODULES = List.of("shared", "gateway", "render-worker", "sample-archive", "app");
  private static final List<Pattern> READS = List.of(
      // Env's readers and Map.get*, not Map.put*, with which a launcher sets a child process's environment.
      Pattern.compile("\\benv\\.(?!put|remove)\\w+\\(\\s*\"([A-Z][A-Z0-9_]+)\""),
      Pattern.compile("\\bvalue\\(\\s*env\\s*,\\s*\"([A-Z][A-Z0-9_]+)\""),
      Pattern.compile("System\\.getenv\\(\\s*\"([A-Z][A-Z0-9_]+)\""),
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+):-"));
  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\|", Pattern.MULTILINE);

  @Test
  @DisplayName("docs/configuration.md lists exactly the environment variables the code reads")
  void tableMatchesTheCode() throws IOException {
    var root = projectRoot();
    var read = new TreeSet<String>();
    for (var module : MODULES) {
      try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main"))) {
        for (var file : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".xml")).toList()) {
          var text = Files.readString(file);
          READS.forEach(pattern -> pattern.matcher(text).results().forEach(m -> read.add(m.group(1))));
        }
      }
    }
    var documented = new TreeSet<String>();
    DOCUMENTED.matcher(Files.readString(root.resolve("docs/configuration.md"))).results()
        .forEach(m -> documented.add(m.group(1)));
    assertThat(read).as("variables read by the code").hasSizeGreaterThan(40).contains("ARCHIVE_API_URL", "LOG_LEVEL");
    assertThat(missing(read, documented)).as("read by the code but not in docs/configuration.md").isEmpty();
    assertThat(missing(documented, read)).as("in docs/configuration.md but read by nothing").isEmpty();
  }

  private static Set<String> missing(Set<String> from, Set<String> in) {
    var left = new TreeSet<>(from);
    left.removeAll(in);
    return left;
  }

  /** The repository root: the folder above this module's that holds docs/. */
  private static Path projectRoot() {
    var testdata = System.getProperty("thumbs.testdata");
    var root = testdata != null ? Path.of(testdata).getParent() : Path.of("..");
    return root.toAbsolutePath().normalize();
  }
}
