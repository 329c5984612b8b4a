package global.lco.thumbs.app;

import static global.lco.thumbs.app.Answers.decode;
import static global.lco.thumbs.app.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.routes.Route;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IIIF on colour composites (docs/iiif.md): {@code {frame}~color} names the composite of the frame's
 * request, here the SDSS set 1030–1032 (ip, rp, gp) and the 2MASS set 1040–1042 of the sample archive.
 */
class IiifColourTest {
  private static final String TOKEN = "Token sample-token-proposal";
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    app = ServiceFixture.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void resetArchive() {
    app.archive.clearRequests();
  }

  @Test
  @DisplayName("info.json of a composite: its size, color and gray among the qualities, jpg preferred; any frame of the request names the same picture")
  void infoJson() throws IOException {
    var info = json(app.get("iiif/3/1030~color/info.json"), 200);
    assertThat(info.getString("id")).isEqualTo(app.base + "iiif/3/1030~color");
    assertThat(info.getString("profile")).isEqualTo("level2");
    assertThat(info.getJsonArray("extraQualities").getList()).containsExactly("color", "gray");
    assertThat(info.getJsonArray("preferredFormats").getList()).containsExactly("jpg");
    int width = info.getInteger("width");
    int height = info.getInteger("height");
    // The colour thumbnail in a box of that size is that size: nothing cropped that info.json does not know.
    var thumbnail = image("1030/?color=true&image=true&format=png&width=" + width + "&height=" + height);
    assertThat(thumbnail.getWidth()).isEqualTo(width);
    assertThat(thumbnail.getHeight()).isEqualTo(height);
    var other = json(app.get("iiif/3/1032~color/info.json"), 200);
    assertThat(other.getInteger("width")).isEqualTo(width);
    assertThat(other.getInteger("height")).isEqualTo(height);
    assertThat(json(app.get("iiif/3/1030/info.json"), 200).getJsonArray("extraQualities").getList())
        .containsExactly("gray");
  }

  @Test
  @DisplayName("full/max of a composite is the colour thumbnail at its size, pixel for pixel and byte for byte as JPEG; full/!w,h the thumbnail of that box")
  void fullEqualsColourThumbnail() throws IOException {
    var info = json(app.get("iiif/3/1040~color/info.json"), 200);
    int width = info.getInteger("width");
    int height = info.getInteger("height");
    var thumbnail = "1040/?color=true&image=true&width=" + width + "&height=" + height;
    assertSamePixels(image("iiif/3/1040~color/full/max/0/default.png"), image(thumbnail + "&format=png"));
    assertThat(app.get("iiif/3/1040~color/full/max/0/color.jpg").body()).isEqualTo(app.get(thumbnail).body());
    // These channels share one pixel grid (no sub-pixel shift), so every smaller size agrees too.
    assertSamePixels(image("iiif/3/1030~color/full/!300,300/0/default.png"),
        image("1030/?color=true&image=true&format=png&width=300&height=300"));
    assertSamePixels(image("iiif/3/1030~median~color/full/!300,300/0/color.png"),
        image("1030/?color=true&median=true&image=true&format=png&width=300&height=300"));
  }

  @Test
  @DisplayName("Adjacent colour tiles join without seams: each equals its part of a render of the region spanning both")
  void seamlessTiles() throws IOException {
    var info = json(app.get("iiif/3/1030~color/info.json"), 200);
    int height = info.getInteger("height");
    // The composite is 682×496: 256-pixel regions at scale factor 2, the bottom one 240 rows.
    var left = image("iiif/3/1030~color/0,0,256,256/128,128/0/default.png");
    var right = image("iiif/3/1030~color/256,0,256,256/128,128/0/default.png");
    var both = image("iiif/3/1030~color/0,0,512,256/256,128/0/default.png");
    assertSamePixels(left, both.getSubimage(0, 0, 128, 128));
    assertSamePixels(right, both.getSubimage(128, 0, 128, 128));
    int rest = height - 256;
    var below = image("iiif/3/1030~color/0,256,256," + rest + "/128," + rest / 2 + "/0/default.png");
    var column = image("iiif/3/1030~color/0,0,256," + height + "/128," + height / 2 + "/0/default.png");
    assertSamePixels(left, column.getSubimage(0, 0, 128, 128));
    assertSamePixels(below, column.getSubimage(0, 128, 128, rest / 2));
  }

  @Test
  @DisplayName("Qualities: default and color are the RGB tile, gray its BT.601 luma (Pillow's convert(\"L\")); jpg and png; region, size and rotation forms")
  void qualitiesAndForms() throws IOException {
    var colour = image("iiif/3/1030~color/100,100,300,200/max/0/default.png");
    assertThat(colour.getColorModel().getNumComponents()).isEqualTo(3);
    assertSamePixels(image("iiif/3/1030~color/100,100,300,200/max/0/color.png"), colour);
    var gray = image("iiif/3/1030~color/100,100,300,200/max/0/gray.png");
    assertThat(gray.getColorModel().getNumComponents()).isEqualTo(1);
    for (int y = 0; y < 200; y += 7) {
      for (int x = 0; x < 300; x += 5) {
        var raster = colour.getRaster();
        int luma = (raster.getSample(x, y, 0) * 19595 + raster.getSample(x, y, 1) * 38470
            + raster.getSample(x, y, 2) * 7471 + 0x8000) >> 16;
        assertThat(gray.getRaster().getSample(x, y, 0)).as("grey at %d,%d", x, y).isEqualTo(luma);
      }
    }
    assertThat(decode(app.get("iiif/3/1030~color/full/200,/0/gray.jpg").body()).getColorModel().getNumComponents())
        .isEqualTo(1);
    assertThat(app.get("iiif/3/1030~color/full/200,/0/default.jpg").headers().firstValue("Content-Type"))
        .hasValue("image/jpeg");
    assertSize("iiif/3/1030~color/square/256,/0/default.jpg", 256, 256);
    assertSize("iiif/3/1030~color/pct:0,0,50,50/!100,100/0/default.jpg", 100, 73);
    assertSize("iiif/3/1030~color/10,20,300,100/150,/90/color.jpg", 50, 150);
    assertSize("iiif/3/1030~color/10,20,300,100/%5E600,/!180/gray.png", 600, 200);
    var plain = image("iiif/3/1030~color/0,0,40,30/max/0/default.png");
    var mirrored = image("iiif/3/1030~color/0,0,40,30/max/!0/default.png");
    for (int x = 0; x < 40; x++) {
      assertThat(mirrored.getRGB(39 - x, 7)).isEqualTo(plain.getRGB(x, 7));
    }
    var response = app.get("iiif/3/1030~color/full/max/360/color.jpg");
    assertThat(response.headers().firstValue("Link").orElseThrow())
        .contains("<" + app.base + "iiif/3/1030~color/full/max/0/color.jpg>;rel=\"canonical\"");
  }

  @Test
  @DisplayName("The composite is built once on its worker: after info.json, tiles download nothing; the sibling lookup is remembered per caller")
  void builtOnce() {
    json(app.get("iiif/3/1041~color/info.json", "Authorization", TOKEN), 200);
    assertThat(app.archive.downloads()).filteredOn(d -> d.range() == null).hasSize(3);
    app.archive.clearRequests();
    for (var region : new String[] {"0,0,512,512", "512,0,209,512", "full"}) {
      assertThat(app.get("iiif/3/1041~color/" + region + "/128,/0/default.jpg", "Authorization", TOKEN).statusCode())
          .isEqualTo(200);
    }
    assertThat(app.archive.downloads()).isEmpty();
    assertThat(app.archive.requests(Route.FRAMES)).as("frame and siblings looked up once per TTL").isEmpty();
  }

  @Test
  @DisplayName("Refusals: the thumbnail route's colour errors, 404 for unknown frames, 501 for color on a mono frame and for bitonal")
  void refusals() {
    json(app.get("iiif/3/999999~color/info.json"), 404);
    json(app.get("iiif/3/999999~color/full/max/0/default.jpg"), 404);
    // A request missing a filter, one whose blue is not FITS, a frame without a request, a BIAS frame.
    for (var frame : new String[] {"1050", "1070", "1022", "1020"}) {
      var thumbnail = app.get(frame + "/?color=true");
      assertThat(thumbnail.statusCode()).as(frame).isIn(400, 404);
      for (var path : new String[] {"/info.json", "/full/max/0/default.jpg"}) {
        var iiif = app.get("iiif/3/" + frame + "~color" + path);
        assertThat(iiif.statusCode()).as(frame + path).isEqualTo(thumbnail.statusCode());
        assertThat(json(iiif, iiif.statusCode()).getString("message")).as(frame + path)
            .isEqualTo(json(thumbnail, thumbnail.statusCode()).getString("message"));
      }
    }
    assertThat(json(app.get("iiif/3/1001/full/max/0/color.jpg"), 501).getString("message"))
        .contains("default and gray");
    json(app.get("iiif/3/1030~color/full/max/0/bitonal.jpg"), 501);
    json(app.get("iiif/3/1030~color~median/info.json"), 404);
  }

  private static BufferedImage image(String path) throws IOException {
    HttpResponse<byte[]> response = app.get(path);
    assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    return decode(response.body());
  }

  private static void assertSize(String path, int width, int height) throws IOException {
    var picture = image(path);
    assertThat(picture.getWidth()).as(path).isEqualTo(width);
    assertThat(picture.getHeight()).as(path).isEqualTo(height);
  }

  /** Every band of every pixel. */
  private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    assertThat(actual.getRaster().getNumBands()).isEqualTo(expected.getRaster().getNumBands());
    for (int b = 0; b < actual.getRaster().getNumBands(); b++) {
      for (int y = 0; y < actual.getHeight(); y++) {
        for (int x = 0; x < actual.getWidth(); x++) {
          assertThat(actual.getRaster().getSample(x, y, b)).as("band %d, pixel %d,%d", b, x, y)
              .isEqualTo(expected.getRaster().getSample(x, y, b));
        }
      }
    }
  }
}
