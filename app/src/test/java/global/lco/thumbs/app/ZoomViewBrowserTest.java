package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The try-it page's zoom view in a real browser: Debian's Chromium, driven by playwright-core
 * ({@code app/src/test/browser/zoom.mjs}), opens frame 1001 in the bundled OpenSeadragon over
 * {@code /iiif/3/1001/info.json} and zooms in.
 */
class ZoomViewBrowserTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("The zoom view loads info.json, draws tiles on a non-blank canvas, and zooming in asks for finer tiles")
  void zoomViewDrawsAndDeepens() throws Exception {
    BrowserScript.assumeBrowser("IiifServiceTest");
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
    BrowserScript.assumeBrowser("IiifColourTest");
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
    return BrowserScript.run("zoom.mjs", app.base, frame, mode, dir.resolve("browser.log"));
  }
}
