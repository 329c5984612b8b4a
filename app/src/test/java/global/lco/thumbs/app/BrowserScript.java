package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A page script of {@code app/src/test/browser} (playwright-core, installed by .ci/run with
 * {@code npm ci}, driving Debian's Chromium): each takes the service's base URL, a frame, Chromium's
 * path and one argument of its own, and prints its result as JSON on its last line.
 */
final class BrowserScript {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DIR = Path.of(System.getProperty("thumbs.testdata", "testdata")).getParent()
      .resolve("app/src/test/browser");

  private BrowserScript() {
  }

  /** Skips the calling test, saying why, without Chromium or playwright-core; {@code coveredBy} names the test that covers the same routes. */
  static void assumeBrowser(String coveredBy) {
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is absent (apt-get install chromium); " + coveredBy
        + " covers the routes the page calls");
    assumeTrue(Files.isDirectory(DIR.resolve("node_modules/playwright-core")),
        "playwright-core is not installed (npm ci in " + DIR + ")");
  }

  /** Runs {@code node script base frame chromium argument}, its errors in {@code log}; its result. */
  static JsonObject run(String script, String base, String frame, String argument, Path log) throws Exception {
    Process node;
    try {
      node = new ProcessBuilder("node", script, base, frame, CHROMIUM.toString(), argument)
          .directory(DIR.toFile()).redirectError(log.toFile()).start();
    } catch (IOException noNode) {
      assumeTrue(false, "node cannot be started: " + noNode.getMessage());
      throw noNode;
    }
    var output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!node.waitFor(120, TimeUnit.SECONDS)) {
      node.destroyForcibly();
    }
    assertThat(node.exitValue()).as("node exit, log:\n%s", Files.exists(log) ? Files.readString(log) : "").isZero();
    return new JsonObject(output.substring(output.lastIndexOf('\n') + 1));
  }
}
