package global.lco.thumbs.gateway.colour;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.gateway.archive.ArchiveFrame;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ColourSetTest {

  private static ArchiveFrame frame(long id, String filter, String observed) {
    return new ArchiveFrame(new JsonObject()
        .put("id", id)
        .put("primary_optical_element", filter)
        .put("observation_date", observed)
        .put("filename", "f" + id + "-e91.fits.fz")
        .put("url", "https://download.example/" + id)
        .put("version_set", new JsonArray().add(new JsonObject().put("id", id * 10).put("md5", "md5-" + id))));
  }

  private static List<Long> ids(ColourSet set) {
    return List.of(set.red().id(), set.green().id(), set.blue().id());
  }

  @Test
  @DisplayName("R, V and B make a broadband set in red, green, blue order")
  void broadband() {
    var set = ColourSet.choose(List.of(frame(1, "B", "2025-01-01T00:00:01Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        frame(3, "R", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(set.family()).isEqualTo(FilterFamily.BROADBAND);
    assertThat(ids(set)).containsExactly(3L, 2L, 1L);
  }

  @Test
  @DisplayName("rp is a broadband red")
  void rpIsBroadbandRed() {
    var set = ColourSet.choose(List.of(frame(1, "rp", "2025-01-01T00:00:01Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        frame(3, "B", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(ids(set)).containsExactly(1L, 2L, 3L);
  }

  @Test
  @DisplayName("ip, rp and gp make an SDSS set when broadband is incomplete")
  void sdss() {
    var set = ColourSet.choose(List.of(frame(1, "gp", "2025-01-01T00:00:01Z"), frame(2, "rp", "2025-01-01T00:00:02Z"),
        frame(3, "ip", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(set.family()).isEqualTo(FilterFamily.SDSS);
    assertThat(ids(set)).containsExactly(3L, 2L, 1L);
  }

  @Test
  @DisplayName("H-Alpha, OIII and SII make a narrowband set, matched without regard to case")
  void narrowbandAnyCase() {
    var set = ColourSet.choose(List.of(frame(1, "SII", "2025-01-01T00:00:01Z"),
        frame(2, "oiii", "2025-01-01T00:00:02Z"), frame(3, "h-alpha", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(set.family()).isEqualTo(FilterFamily.NARROWBAND);
    assertThat(ids(set)).containsExactly(3L, 2L, 1L);
  }

  @Test
  @DisplayName("A complete broadband set wins over a complete SDSS set")
  void broadbandPreferred() {
    var set = ColourSet.choose(List.of(frame(1, "ip", "2025-01-01T00:00:09Z"), frame(2, "rp", "2025-01-01T00:00:09Z"),
        frame(3, "gp", "2025-01-01T00:00:09Z"), frame(4, "V", "2025-01-01T00:00:01Z"),
        frame(5, "B", "2025-01-01T00:00:01Z"))).orElseThrow();

    assertThat(set.family()).isEqualTo(FilterFamily.BROADBAND);
    assertThat(ids(set)).containsExactly(2L, 4L, 5L);
  }

  @Test
  @DisplayName("Families are never mixed: ip, rp, V, gp give the SDSS set, not V with SDSS frames")
  void neverMixed() {
    var set = ColourSet.choose(List.of(frame(1, "ip", "2025-01-01T00:00:01Z"), frame(2, "rp", "2025-01-01T00:00:02Z"),
        frame(3, "V", "2025-01-01T00:00:03Z"), frame(4, "gp", "2025-01-01T00:00:04Z"))).orElseThrow();

    assertThat(ids(set)).containsExactly(1L, 2L, 4L);
  }

  @Test
  @DisplayName("Per channel the newest frame is used, by observation date whatever the list order")
  void newestByDate() {
    var set = ColourSet.choose(List.of(frame(10, "R", "2025-01-01T00:00:05Z"), frame(11, "R", "2025-01-01T00:00:07.5Z"),
        frame(12, "R", "2025-01-01T00:00:06Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        frame(3, "B", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(set.red().id()).isEqualTo(11);
  }

  @Test
  @DisplayName("Equal observation dates are decided by the higher id")
  void tieByHigherId() {
    var set = ColourSet.choose(List.of(frame(10, "R", "2025-01-01T00:00:05Z"), frame(12, "R", "2025-01-01T00:00:05Z"),
        frame(11, "R", "2025-01-01T00:00:05Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        frame(3, "B", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(set.red().id()).isEqualTo(12);
  }

  @Test
  @DisplayName("A missing filter leaves no set")
  void incomplete() {
    assertThat(ColourSet.choose(List.of(frame(1, "R", "2025-01-01T00:00:01Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        frame(3, "w", "2025-01-01T00:00:03Z"), frame(4, "air", "2025-01-01T00:00:04Z")))).isEmpty();
  }

  @Test
  @DisplayName("A sibling without a URL or with a non-FITS file counts as missing")
  void unrenderableSiblingIsMissing() {
    var noUrl = frame(3, "B", "2025-01-01T00:00:03Z");
    noUrl.json().putNull("url");
    var bundle = frame(4, "B", "2025-01-01T00:00:04Z");
    bundle.json().put("filename", "f4-e00.tar.gz");

    assertThat(ColourSet.choose(List.of(frame(1, "R", "2025-01-01T00:00:01Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        noUrl, bundle))).isEmpty();
  }

  @Test
  @DisplayName("Frames without a filter or a readable date do not break the choice")
  void oddRecords() {
    var undated = frame(5, "R", "yesterday");
    var unfiltered = frame(6, null, "2025-01-01T00:00:06Z");
    var set = ColourSet.choose(List.of(undated, unfiltered, frame(1, "R", "2025-01-01T00:00:01Z"),
        frame(2, "V", "2025-01-01T00:00:02Z"), frame(3, "B", "2025-01-01T00:00:03Z"))).orElseThrow();

    assertThat(set.red().id()).isEqualTo(1);
  }

  @Test
  @DisplayName("The sources carry each frame's id and pixel version, red first")
  void sources() {
    var set = ColourSet.choose(List.of(frame(1, "B", "2025-01-01T00:00:01Z"), frame(2, "V", "2025-01-01T00:00:02Z"),
        frame(3, "R", "2025-01-01T00:00:03Z"))).orElseThrow();

    var sources = set.sources();
    assertThat(sources).extracting(s -> s.id()).containsExactly(3L, 2L, 1L);
    assertThat(sources.get(0).version()).isEqualTo("v30/md5-3");
    assertThat(sources.get(0).url()).isEqualTo("https://download.example/3");
  }
}
