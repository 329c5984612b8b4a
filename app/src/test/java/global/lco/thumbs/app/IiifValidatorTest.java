package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IIIF consortium's image validator (tools/iiif-validator, a copy of the team's reference; its ORIGIN.md) against the
 * running service: the twelve tests that do not need the validator's own test image. Skips, saying
 * why, when the validator or Debian's python3-bottle, -magic, -lxml or -pil are missing (.ci/run
 * installs them).
 */
class IiifValidatorTest {
  static final List<String> TESTS = List.of("info_json", "cors", "jsonld", "baseurl_redirect", "id_error_random",
      "id_error_escapedslash", "id_error_unescaped", "format_error_random", "quality_error_random",
      "region_error_random", "rot_error_random", "size_error_random");
  static final Path VALIDATOR = Path.of(System.getProperty("iiif.validator",
      "../tools/iiif-validator/iiif-validate.py")).toAbsolutePath().normalize();
  /** Debian's own Python, which its python3-* packages are for (a pyenv python3 may come first on PATH). */
  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isRegularFile(VALIDATOR), VALIDATOR + " is absent: the IIIF validator cannot run");
    var modules = new ProcessBuilder(PYTHON, "-c", "import bottle, magic, lxml, PIL").redirectErrorStream(true)
        .start();
    boolean done = modules.waitFor(30, TimeUnit.SECONDS);
    assumeTrue(done && modules.exitValue() == 0, "python3 lacks bottle, magic, lxml or PIL (apt-get install "
        + "python3-bottle python3-magic python3-lxml python3-pil): the IIIF validator cannot run");
    app = ServiceFixture.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1001", "1030~color"})
  @DisplayName("The IIIF validator's twelve applicable tests pass against a frame and a colour composite")
  void validatorPasses(String identifier) throws IOException, InterruptedException {
    var base = URI.create(app.base);
    var command = new ArrayList<>(List.of(PYTHON, VALIDATOR.toString(), "-s", base.getHost() + ":" + base.getPort(),
        "-p", "iiif/3", "-i", identifier, "--version=3.0"));
    TESTS.forEach(t -> command.addAll(List.of("--test", t)));
    var process = new ProcessBuilder(command).directory(VALIDATOR.getParent().toFile()).redirectErrorStream(true)
        .start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    System.out.println(output);
    assertThat(process.exitValue()).as("failed validator tests:\n" + output).isZero();
  }
}
