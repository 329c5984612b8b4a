package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page at {@code /} in a real browser: Debian's Chromium, driven by playwright-core
 * ({@code app/src/test/browser}, installed by .ci/run with {@code npm ci}), fills the form and
 * waits for the thumbnail the API's JSON points at to be drawn.
 */
class TryItPageBrowserTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("Filling 1001 in the page's form shows the JSON answer and a loaded thumbnail image")
  void formShowsThumbnail() throws Exception {
    try (var app = ServiceFixture.start(dir, Map.of())) {
      var result = fillForm(app, "{}");
      assertThat(result.getString("status")).isEqualTo("HTTP 200");
      assertThat(result.getJsonObject("answer").getString("propid")).isEqualTo("LCOEPO2014B-010");
      assertThat(result.getJsonObject("answer").getString("url")).contains("/_thumbs/");
      assertThat(result.getInteger("naturalWidth")).isPositive().isLessThanOrEqualTo(300);
    }
  }

  @Test
  @DisplayName("The form's orientation, format and cutout fields reach the API: a north-up PNG, then a zoomed cutout")
  void newFieldsReachTheApi() throws Exception {
    try (var app = ServiceFixture.start(dir, Map.of())) {
      var northUp = fillForm(app, "{\"#orient\": \"wcs\", \"#format\": \"png\"}");
      assertThat(northUp.getJsonObject("answer").getString("url")).contains(".png?");
      // 1523×1020 turned a quarter, fitted in 300×300.
      assertThat(northUp.getInteger("naturalWidth")).isEqualTo(201);
      var cutout = fillForm(app, "{\"#x\": 700, \"#y\": 500, \"#zoom\": 2, \"#ticks\": true}");
      assertThat(cutout.getString("status")).isEqualTo("HTTP 200");
      assertThat(cutout.getInteger("naturalWidth")).isEqualTo(200);
    }
  }

  /** Runs the page in Chromium with frame 1001, 300×300 and {@code fields}; the page's result as JSON. */
  private JsonObject fillForm(ServiceFixture app, String fields) throws Exception {
    BrowserScript.assumeBrowser("ThumbnailServiceTest");
    return BrowserScript.run("try-it.mjs", app.base, "1001", fields, dir.resolve("browser.log"));
  }

  @Test
  @DisplayName("The page is self-contained and keeps the pointer to developers.lco.global")
  void pageIsSelfContained() {
    try (var app = ServiceFixture.start(dir, Map.of())) {
      var page = app.get("");
      var html = new String(page.body(), StandardCharsets.UTF_8);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(html).contains("Please see the documentation for the thumbnail service at")
          .contains("href=\"https://developers.lco.global\"").contains("<form");
      assertThat(html).as("every new parameter is in the form")
          .contains("id=\"orient\"", "id=\"format\"", "id=\"planet\"", "id=\"x\"", "id=\"zoom\"", "id=\"sigma\"",
              "id=\"ticks\"");
      assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//(?!developers\\.lco\\.global)");
      var other = new String(app.get("no/such/page").body(), StandardCharsets.UTF_8);
      assertThat(other).contains("developers.lco.global").doesNotContain("<form");
    }
  }
}
