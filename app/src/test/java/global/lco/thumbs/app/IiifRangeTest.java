package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.recording.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info.json of a cold frame from its FITS headers, read with HTTP range requests (docs/iiif.md). */
class IiifRangeTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("info.json of a cold frame asks the archive for header ranges only, and gives the size the full render has")
  void coldInfoUsesRanges() throws Exception {
    try (var app = ServiceFixture.start(dir, Map.of())) {
      assertRangesOnlyAndSameSize(app, "1001");
    }
  }

  @Test
  @DisplayName("With THUMBNAIL_ORIENTATION=wcs the size from headers is turned as the picture is (1001 turns a quarter)")
  void coldInfoFollowsOrientation() throws Exception {
    try (var app = ServiceFixture.start(dir, Map.of("THUMBNAIL_ORIENTATION", "wcs"))) {
      var info = assertRangesOnlyAndSameSize(app, "1001");
      assertThat(info.getInteger("width")).isLessThan(info.getInteger("height"));
    }
  }

  private static JsonObject assertRangesOnlyAndSameSize(ServiceFixture app, String frame) throws Exception {
    var response = app.get("iiif/3/" + frame + "/info.json");
    assertThat(response.statusCode()).isEqualTo(200);
    var info = new JsonObject(new String(response.body(), StandardCharsets.UTF_8));
    var downloads = app.archive.downloads();
    assertThat(downloads).as("downloads for info.json").isNotEmpty().allSatisfy(d ->
        assertThat(d.range()).as("Range of %s", d.path()).isNotNull().matches("bytes=\\d+-\\d+"));
    long bytes = downloads.stream().map(RecordedRequest::range).mapToLong(IiifRangeTest::length).sum();
    assertThat(bytes).as("bytes asked for").isLessThanOrEqualTo(4 * 8 * 2880);
    // The full render of the frame (a whole download, decode and stretch) has the size info.json gave.
    var full = app.get("iiif/3/" + frame + "/full/max/0/default.png");
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(app.archive.downloads()).anySatisfy(d -> assertThat(d.range()).isNull());
    var image = ImageIO.read(new ByteArrayInputStream(full.body()));
    assertThat(info.getInteger("width")).isEqualTo(image.getWidth());
    assertThat(info.getInteger("height")).isEqualTo(image.getHeight());
    return info;
  }

  private static long length(String range) {
    var bounds = range.substring("bytes=".length()).split("-");
    return Long.parseLong(bounds[1]) - Long.parseLong(bounds[0]) + 1;
  }
}
