package global.lco.thumbs.app;

import static global.lco.thumbs.app.Answers.decode;
import static global.lco.thumbs.app.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What today's upstream added, end to end through the sample archive: north-up orientation, PNG
 * output, the cutout route and planet mode.
 */
class UpstreamFeaturesTest {
  private static final String TFN = "tfn0m414-kb29-20160625-0060-e91";
  private static final String OWNER = "Token sample-token-proposal";
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    // Frame reuse is FrameReuseTest's subject; off here so "no download" means "stored cutout".
    app = ServiceFixture.start(dir, Map.of("FRAME_CACHE_MB", "0"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void reset() {
    app.archive.clearRequests();
  }

  @Test
  @DisplayName("orient=wcs turns frame 1001 a quarter (its north points sideways), sized after the turn, under its own key")
  void northUp() throws IOException {
    var legacy = app.get("1001/?width=300&height=300&image=true");
    var northUp = app.get("1001/?width=300&height=300&image=true&orient=wcs");
    assertThat(decode(legacy.body()).getWidth()).isEqualTo(300);
    assertThat(decode(legacy.body()).getHeight()).isEqualTo(201);
    assertThat(decode(northUp.body()).getWidth()).isEqualTo(201);
    assertThat(decode(northUp.body()).getHeight()).isEqualTo(300);
    assertThat(northUp.headers().firstValue("ETag")).isNotEqualTo(legacy.headers().firstValue("ETag"));
    assertThat(app.get("1001/?width=300&height=300&image=true&orient=legacy").headers().firstValue("ETag"))
        .isEqualTo(legacy.headers().firstValue("ETag"));
  }

  @Test
  @DisplayName("format=png answers a PNG, and its JSON URL serves image/png; quality does not change it")
  void png() throws IOException {
    var image = app.get("1003/?format=png&image=true&quality=10");
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(image.body()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(decode(image.body()).getWidth()).isEqualTo(100);
    var answer = json(app.get("1003/?format=png"), 200);
    assertThat(answer.getString("url")).contains(".png?");
    var stored = app.get(answer.getString("url"));
    assertThat(stored.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(stored.body()).isEqualTo(image.body());
    assertThat(json(app.get("1003/?format=gif"), 400).getString("message")).contains("'format'");
  }

  @Test
  @DisplayName("A cutout by basename is the zoomed box as a JPEG; asked again it comes from the store")
  void cutout() throws IOException {
    var path = "cutout/" + TFN + "/?x=700&y=500&width=80&height=60&zoom=2&sigma=8&ticks=true";
    var first = app.get(path);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    var picture = decode(first.body());
    assertThat(picture.getWidth()).isEqualTo(160);
    assertThat(picture.getHeight()).isEqualTo(120);
    assertThat(app.archive.downloads()).hasSize(1);
    app.archive.clearRequests();
    var second = app.get(path);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(app.archive.downloads()).isEmpty();
    var png = app.get(path + "&format=png");
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(app.get("cutout/" + TFN + "?x=1&y=1").statusCode()).isEqualTo(308);
  }

  @Test
  @DisplayName("A cutout off the frame, a zoom or sigma of 0, or no x is a 400 with a JSON message")
  void cutoutRefusals() {
    assertThat(json(app.get("cutout/" + TFN + "/?x=5000&y=500"), 400).getString("message")).contains("misses the frame");
    assertThat(json(app.get("cutout/" + TFN + "/?x=700&y=500&zoom=0"), 400).getString("message")).contains("'zoom'");
    assertThat(json(app.get("cutout/" + TFN + "/?x=700&y=500&sigma=-1"), 400).getString("message")).contains("'sigma'");
    assertThat(json(app.get("cutout/" + TFN + "/?y=500"), 400).getString("message")).contains("'x'");
  }

  @Test
  @DisplayName("A cutout of a proprietary frame has the thumbnail's access check: refused anonymously, served to its owner")
  void cutoutAccess() {
    assertThat(app.get("cutout/m101-lco-cutout-red/?x=50&y=50&width=20&height=20").statusCode()).isEqualTo(404);
    assertThat(app.get("cutout/m101-lco-cutout-red/?x=50&y=50&width=20&height=20", "Authorization", OWNER)
        .statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("planet=true on the Jupiter frame gives the 600×480 crop (200×160), not the whole frame, under its own key")
  void planet() throws IOException {
    var whole = app.get("1080/?image=true&format=png");
    var planet = app.get("1080/?image=true&format=png&planet=true");
    assertThat(decode(whole.body()).getWidth()).isEqualTo(200);
    assertThat(decode(whole.body()).getHeight()).isEqualTo(150);
    assertThat(decode(planet.body()).getWidth()).isEqualTo(200);
    assertThat(decode(planet.body()).getHeight()).isEqualTo(160);
    assertThat(planet.headers().firstValue("ETag")).isNotEqualTo(whole.headers().firstValue("ETag"));
    assertThat(json(app.get("1080/?planet=maybe"), 400).getString("message")).contains("'planet'");
  }
}
