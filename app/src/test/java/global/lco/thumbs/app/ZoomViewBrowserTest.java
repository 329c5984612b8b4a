package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The try-it page's zoom view in a real browser: Debian's Chromium, driven by playwright-core
 * ({@code app/src/test/browser/zoom.mjs}), opens frame 1001 in the bundled OpenSeadragon over
 * {@code /iiif/3/1001/info.json} and zooms in.
 */
class ZoomViewBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path BROWSER_DIR = Path.of(System.getProperty("thumbs.testdata", "testdata"))
      .getParent().resolve("app/src/test/browser");

  @TempDir
  Path dir;

  @Test
  @DisplayName("The zoom view loads info.json, draws tiles on a non-blank canvas, and zooming in asks for finer tiles")
  void zoomViewDrawsAndDeepens() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is absent (apt-get install chromium); "
        + "IiifServiceTest covers the routes the viewer calls");
    assumeTrue(Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
        "playwright-core is not installed (npm ci in " + BROWSER_DIR + ")");
    try (var app = ServiceFixture.start(dir, Map.of())) {
      var result = run(app);
      assertThat(result.getInteger("info")).isPositive();
      var first = result.getJsonArray("first");
      assertThat(first).as("tiles of the first screen").isNotEmpty();
      assertThat(result.getInteger("litPixels")).as("canvas pixels brighter than black").isGreaterThan(1000);
      var deeper = result.getJsonArray("deeper");
      assertThat(deeper).as("tiles requested after zooming in").isNotEmpty();
      assertThat(finestScale(deeper)).as("scale factor of the finest tile after zooming in")
          .isLessThan(finestScale(first)).isEqualTo(1.0);
      // A second browser on the now warm frame (worker's frame cache and stored tiles): the figure docs/iiif.md quotes.
      var warm = run(app);
      assertThat(warm.getJsonArray("first")).isNotEmpty();
      System.out.printf("OpenSeadragon first screen of frame 1001: cold %d ms (%d tiles, finest scale %s), warm %d ms;"
              + " after zooming in %d tiles, finest scale %s%n", result.getInteger("firstScreenMs"), first.size(),
          finestScale(first), warm.getInteger("firstScreenMs"), deeper.size(), finestScale(deeper));
    }
  }

  @Test
  @DisplayName("With Colour ticked, the zoom view opens the frame's colour composite and draws it in colour")
  void colourZoomView() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is absent (apt-get install chromium); "
        + "IiifColourTest covers the routes the viewer calls");
    assumeTrue(Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core")),
        "playwright-core is not installed (npm ci in " + BROWSER_DIR + ")");
    try (var app = ServiceFixture.start(dir, Map.of())) {
      var result = run(app, "1030", "colour");
      assertThat(result.getInteger("info")).isPositive();
      var first = result.getJsonArray("first");
      assertThat(first).as("tiles of the first screen").isNotEmpty()
          .allSatisfy(path -> assertThat((String) path).startsWith("/iiif/3/1030~color/"));
      assertThat(result.getInteger("colouredPixels")).as("canvas pixels whose R, G and B differ").isGreaterThan(1000);
      System.out.printf("OpenSeadragon first screen of the composite 1030~color: cold %d ms (%d tiles)%n",
          result.getInteger("firstScreenMs"), first.size());
    }
  }

  /** The smallest source-pixels-per-tile-pixel among IIIF image paths {@code /iiif/3/id/region/size/rot/q.f}. */
  static double finestScale(JsonArray paths) {
    double finest = Double.MAX_VALUE;
    for (var p : paths) {
      var parts = ((String) p).split("/");
      var region = parts[4];
      var size = parts[5];
      // OpenSeadragon asks x,y,w,h regions (or full for a one-tile level) with w, or w,h sizes.
      int regionWidth = region.equals("full") ? 1523 : Integer.parseInt(region.split(",")[2]);
      int sizeWidth = Integer.parseInt(size.split(",")[0]);
      finest = Math.min(finest, Math.round(regionWidth / (double) sizeWidth * 4) / 4.0);
    }
    return finest;
  }

  private JsonObject run(ServiceFixture app) throws Exception {
    return run(app, "1001", "");
  }

  private JsonObject run(ServiceFixture app, String frame, String mode) throws Exception {
    var log = dir.resolve("browser.log");
    Process node;
    try {
      node = new ProcessBuilder("node", "zoom.mjs", app.base, frame, CHROMIUM.toString(), mode)
          .directory(BROWSER_DIR.toFile()).redirectError(log.toFile()).start();
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
