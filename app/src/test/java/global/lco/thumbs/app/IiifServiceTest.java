package global.lco.thumbs.app;

import static global.lco.thumbs.app.Answers.decode;
import static global.lco.thumbs.app.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.routes.Route;
import io.vertx.core.json.JsonObject;
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

/** The IIIF Image API 3.0 routes end to end (docs/iiif.md), on frame 1001 (1523×1020) of the sample archive. */
class IiifServiceTest {
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
  @DisplayName("The base URI redirects (303) to info.json")
  void baseRedirects() {
    var response = app.get("iiif/3/1001");
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/iiif/3/1001/info.json");
  }

  @Test
  @DisplayName("info.json: level 2, the picture's size, 512 tiles down to one whole-frame tile, sizes, limits, CORS, JSON-LD")
  void infoJson() {
    var response = app.get("iiif/3/1001/info.json", "Accept", "application/ld+json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    var info = new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
    assertThat(info.getString("@context")).isEqualTo("http://iiif.io/api/image/3/context.json");
    assertThat(info.getString("id")).isEqualTo(app.base + "iiif/3/1001");
    assertThat(info.getString("type")).isEqualTo("ImageService3");
    assertThat(info.getString("profile")).isEqualTo("level2");
    assertThat(info.getInteger("width")).isEqualTo(1523);
    assertThat(info.getInteger("height")).isEqualTo(1020);
    var tiles = info.getJsonArray("tiles").getJsonObject(0);
    assertThat(tiles.getInteger("width")).isEqualTo(512);
    assertThat(tiles.getJsonArray("scaleFactors").getList()).containsExactly(1, 2, 4);
    assertThat(info.getJsonArray("sizes").getJsonObject(0).getInteger("width")).isEqualTo(381);
    assertThat(info.getLong("maxArea")).isPositive();
    assertThat(info.getJsonArray("extraQualities").getList()).contains("gray");
    assertThat(info.getJsonArray("preferredFormats").getList()).containsExactly("jpg");
  }

  @Test
  @DisplayName("Behind a proxy, info.json's id follows X-Forwarded-Proto and X-Forwarded-Host")
  void forwardedId() {
    var info = json(app.get("iiif/3/tfn0m414-kb29-20160625-0060-e91~median/info.json", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "archive.example.org"), 200);
    assertThat(info.getString("id")).isEqualTo("https://archive.example.org/iiif/3/tfn0m414-kb29-20160625-0060-e91~median");
  }

  @Test
  @DisplayName("full/max is the thumbnail at the frame's size, full/!300,300 the 300×300 thumbnail, pixel for pixel")
  void fullEqualsThumbnail() throws IOException {
    assertSamePixels(image("iiif/3/1001/full/max/0/default.png"),
        image("1001/?image=true&format=png&width=1523&height=1020"));
    assertSamePixels(image("iiif/3/1001/full/!300,300/0/default.png"),
        image("1001/?image=true&format=png&width=300&height=300"));
    assertSamePixels(image("iiif/3/1001~median/full/!300,300/0/gray.png"),
        image("1001/?image=true&format=png&width=300&height=300&median=true"));
    // JPEG at the same quality is the same bytes as the thumbnail's.
    assertThat(app.get("iiif/3/1001/full/!200,200/0/default.jpg").body())
        .isEqualTo(app.get("1001/?image=true&width=200&height=200").body());
  }

  @Test
  @DisplayName("Adjacent tiles join without seams: each equals its half of a render of the region spanning both")
  void seamlessTiles() throws IOException {
    var left = image("iiif/3/1001/0,0,512,512/256,256/0/default.png");
    var right = image("iiif/3/1001/512,0,512,512/256,256/0/default.png");
    var both = image("iiif/3/1001/0,0,1024,512/512,256/0/default.png");
    assertSamePixels(left, both.getSubimage(0, 0, 256, 256));
    assertSamePixels(right, both.getSubimage(256, 0, 256, 256));
    // The bottom tile is 508 rows, 254 at scale factor 2: the same scale as the tile above it.
    var top = image("iiif/3/1001/0,0,512,512/256,256/0/default.png");
    var below = image("iiif/3/1001/0,512,512,508/256,254/0/default.png");
    var column = image("iiif/3/1001/0,0,512,1020/256,510/0/default.png");
    assertSamePixels(top, column.getSubimage(0, 0, 256, 256));
    assertSamePixels(below, column.getSubimage(0, 256, 256, 254));
  }

  @Test
  @DisplayName("Every region, size and rotation form resolves, with its canonical Link")
  void forms() throws IOException {
    assertSize("iiif/3/1001/square/max/0/default.jpg", 1020, 1020);
    assertSize("iiif/3/1001/100,200,300,400/max/0/default.jpg", 300, 400);
    assertSize("iiif/3/1001/1500,1000,100,100/max/0/default.jpg", 23, 20);
    assertSize("iiif/3/1001/pct:50,50,50,50/max/0/default.jpg", 762, 510);
    assertSize("iiif/3/1001/full/150,/0/default.jpg", 150, 100);
    assertSize("iiif/3/1001/full/,102/0/default.jpg", 152, 102);
    assertSize("iiif/3/1001/full/pct:10/0/default.jpg", 152, 102);
    assertSize("iiif/3/1001/full/100,50/0/default.jpg", 100, 50);
    assertSize("iiif/3/1001/0,0,100,100/%5E200,200/0/default.jpg", 200, 200);
    assertSize("iiif/3/1001/full/150,/90/default.jpg", 100, 150);
    assertSize("iiif/3/1001/full/150,/!270/gray.png", 100, 150);
    var response = app.get("iiif/3/1001/0,0,1523,1020/pct:100/360/default.jpg");
    assertThat(response.headers().firstValue("Link").orElseThrow())
        .contains("<" + app.base + "iiif/3/1001/full/max/0/default.jpg>;rel=\"canonical\"");
    // A half turn and a mirror are the same pixels as mirroring up-down: check one pixel row.
    var plain = image("iiif/3/1001/0,0,40,30/max/0/default.png");
    var turned = image("iiif/3/1001/0,0,40,30/max/!180/default.png");
    for (int x = 0; x < 40; x++) {
      assertThat(turned.getRGB(x, 29)).isEqualTo(plain.getRGB(x, 0));
    }
  }

  @Test
  @DisplayName("400 for bad syntax, 501 for valid but unsupported, 404 for unknown identifiers: never asking the archive for a bad parameter")
  void errors() {
    String[][] cases = {
        {"iiif/3/1001/nonsense/max/0/default.jpg", "400"},
        {"iiif/3/1001/-1,0,10,10/max/0/default.jpg", "400"},
        {"iiif/3/1001/0,0,0,10/max/0/default.jpg", "400"},
        {"iiif/3/1001/" + "9".repeat(10_000) + ",0,10,10/max/0/default.jpg", "400"},
        {"iiif/3/1001/full/full/0/default.jpg", "400"},
        {"iiif/3/1001/full/99999999,/0/default.jpg", "400"},
        {"iiif/3/1001/full/pct:101/0/default.jpg", "400"},
        {"iiif/3/1001/full/max/45x/default.jpg", "400"},
        {"iiif/3/1001/full/max/0/fancy.jpg", "400"},
        {"iiif/3/1001/full/max/0/default.xyz", "400"},
        {"iiif/3/1001/full/max/0/default", "400"},
        {"iiif/3/1001/full/max/45/default.jpg", "501"},
        {"iiif/3/1001/full/max/0/bitonal.jpg", "501"},
        {"iiif/3/1001/full/max/0/default.tif", "501"},
        {"iiif/3/a%2Fb/full/max/0/default.jpg", "404"},
        {"iiif/3/a%2Fb/info.json", "404"},
        {"iiif/3/%5Bfrob%5D/info.json", "404"},
    };
    for (var c : cases) {
      long start = System.nanoTime();
      var response = app.get(c[0]);
      assertThat(response.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(new JsonObject(new String(response.body(), StandardCharsets.UTF_8)).getString("message")).isNotBlank();
      assertThat((System.nanoTime() - start) / 1_000_000).as("ms for " + c[0]).isLessThan(1000);
    }
    assertThat(app.archive.requests(Route.FRAMES)).isEmpty();
    json(app.get("iiif/3/999999/info.json"), 404);
    json(app.get("iiif/3/1001/9999,0,10,10/max/0/default.jpg"), 400);
    json(app.get("iiif/3/1001/full/2000,/0/default.jpg"), 400);
  }

  @Test
  @DisplayName("Tiles are stored content-addressed; a caller's archive lookup is reused briefly, another caller's is not")
  void storedAndLookupsPerCaller() {
    json(app.get("iiif/3/1002/info.json", "Authorization", TOKEN), 200);
    long stored = app.storedThumbnails();
    app.archive.clearRequests();
    assertThat(app.get("iiif/3/1002/0,0,512,512/512,/0/default.jpg", "Authorization", TOKEN).statusCode()).isEqualTo(200);
    assertThat(app.get("iiif/3/1002/0,0,512,512/512,/0/default.jpg", "Authorization", TOKEN).statusCode()).isEqualTo(200);
    assertThat(app.storedThumbnails()).isEqualTo(stored + 1);
    assertThat(app.archive.requests(Route.FRAMES)).as("one lookup per caller within the TTL").isEmpty();
    assertThat(app.get("iiif/3/1002/0,0,512,512/512,/0/default.jpg").statusCode()).isEqualTo(200);
    assertThat(app.archive.requests(Route.FRAMES)).as("another caller is looked up").hasSize(1);
    // info.json read only the headers (IiifRangeTest): the first tile loads the frame, the others reuse it.
    assertThat(app.archive.downloads()).as("whole-file downloads").filteredOn(d -> d.range() == null).hasSize(1);
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

  private static void assertSamePixels(BufferedImage actual, BufferedImage expected) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < actual.getHeight(); y++) {
      for (int x = 0; x < actual.getWidth(); x++) {
        assertThat(actual.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y)
            .isEqualTo(expected.getRaster().getSample(x, y, 0));
      }
    }
  }
}
