package global.lco.thumbs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GET /frames/{id}/")
class FrameRecordTest extends ArchiveTestSupport {
  private static final List<String> RECORD_KEYS = List.of("id", "basename", "observation_date", "observation_day",
      "proposal_id", "instrument_id", "target_name", "reduction_level", "site_id", "telescope_id", "exposure_time",
      "primary_optical_element", "public_date", "configuration_type", "observation_id", "request_id", "version_set",
      "url", "filename", "DATE_OBS", "DAY_OBS", "PROPID", "INSTRUME", "OBJECT", "RLEVEL", "SITEID", "TELID",
      "EXPTIME", "FILTER", "L1PUBDAT", "OBSTYPE", "BLKUID", "REQNUM", "related_frames");

  @Test
  @DisplayName("A frame record has the archive 2.7.2 keys in the archive's order")
  void recordKeyOrder() throws Exception {
    var record = getJson("frames/1001/");

    assertThat(new ArrayList<>(record.fieldNames())).containsExactlyElementsOf(RECORD_KEYS);
    var version = record.getJsonArray("version_set").getJsonObject(0);
    assertThat(new ArrayList<>(version.fieldNames())).containsExactly("id", "key", "md5", "extension", "url", "created");
  }

  @Test
  @DisplayName("Frame 1001 carries the fixture's values, legacy aliases equal to their modern twins")
  void recordValues() throws Exception {
    var record = getJson("frames/1001/");

    assertThat(record.getLong("id")).isEqualTo(1001);
    assertThat(record.getString("basename")).isEqualTo("tfn0m414-kb29-20160625-0060-e91");
    assertThat(record.getString("observation_date")).isEqualTo("2016-06-25T21:16:05.072000Z");
    assertThat(record.getString("proposal_id")).isEqualTo("LCOEPO2014B-010");
    assertThat(record.getString("primary_optical_element")).isEqualTo("w");
    assertThat(record.getInteger("reduction_level")).isEqualTo(91);
    assertThat(record.getString("configuration_type")).isEqualTo("EXPOSE");
    assertThat(record.getLong("request_id")).isEqualTo(50001);
    assertThat(record.getString("filename")).isEqualTo("tfn0m414-kb29-20160625-0060-e91.fits.fz");
    assertThat(record.getValue("REQNUM")).isEqualTo(record.getValue("request_id"));
    assertThat(record.getValue("FILTER")).isEqualTo(record.getValue("primary_optical_element"));
    assertThat(record.getValue("OBSTYPE")).isEqualTo(record.getValue("configuration_type"));
    assertThat(record.getValue("PROPID")).isEqualTo(record.getValue("proposal_id"));
  }

  @Test
  @DisplayName("The body is compact JSON and every datetime ends in Z")
  void compactJsonWithZuluDates() throws Exception {
    var response = get("frames/1001/");

    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsString()).doesNotContain("\": ").doesNotContain(", \"").startsWith("{\"id\":1001,");
    var record = response.bodyAsJsonObject();
    assertThat(record.getString("public_date")).endsWith("Z");
    assertThat(record.getJsonArray("version_set").getJsonObject(0).getString("created")).endsWith("Z");
  }

  @Test
  @DisplayName("Non-ASCII target names are sent as UTF-8, not escaped")
  void utf8TargetName() throws Exception {
    var response = get("frames/1022/");

    assertThat(response.bodyAsString()).contains("Großer Herkules");
    assertThat(response.bodyAsJsonObject().getValue("request_id")).isNull();
  }

  @Test
  @DisplayName("related_frames is absent with include_related_frames=false")
  void relatedFramesDropped() throws Exception {
    var record = getJson("frames/1001/?include_related_frames=false");

    assertThat(record.containsKey("related_frames")).isFalse();
    assertThat(record.containsKey("area")).isFalse();
  }

  @Test
  @DisplayName("area is present for a frame with a footprint, between the aliases and related_frames")
  void areaWhenKnown() throws Exception {
    var keys = new ArrayList<>(getJson("frames/1002/").fieldNames());

    assertThat(keys.subList(keys.size() - 3, keys.size())).containsExactly("REQNUM", "area", "related_frames");
  }

  @Test
  @DisplayName("The newest version's md5 is the real MD5 of the file; the top-level url is that version's")
  void versionsAndMd5() throws Exception {
    var record = getJson("frames/1001/");
    var versions = record.getJsonArray("version_set");
    var newest = versions.getJsonObject(0);

    assertThat(versions).hasSize(2);
    assertThat(newest.getString("md5")).isEqualTo(Md5.of(TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz")));
    assertThat(newest.getLong("id")).isGreaterThan(versions.getJsonObject(1).getLong("id"));
    assertThat(record.getString("url")).contains("versionId=" + newest.getString("key") + "&");
  }

  @Test
  @DisplayName("Version ids, keys and md5 are the same on every answer; the signed URL is minted anew")
  void deterministicVersionsFreshUrls() throws Exception {
    var first = getJson("frames/1003/");
    Thread.sleep(1100);
    var second = getJson("frames/1003/");

    var a = first.getJsonArray("version_set").getJsonObject(0);
    var b = second.getJsonArray("version_set").getJsonObject(0);
    assertThat(b.getLong("id")).isEqualTo(a.getLong("id"));
    assertThat(b.getString("key")).isEqualTo(a.getString("key"));
    assertThat(b.getString("md5")).isEqualTo(a.getString("md5"));
    assertThat(second.getString("url")).isNotEqualTo(first.getString("url"));
  }

  @Test
  @DisplayName("A version-less frame has url and filename null and an empty version_set")
  void versionlessFrame() throws Exception {
    var record = getJson("frames/1025/");

    assertThat(record.getJsonArray("version_set")).isEmpty();
    assertThat(record.containsKey("url")).isTrue();
    assertThat(record.getValue("url")).isNull();
    assertThat(record.getValue("filename")).isNull();
  }

  @Test
  @DisplayName("An omitted key is absent from the record, not null")
  void omittedKey() throws Exception {
    var record = getJson("frames/1024/");

    assertThat(record.containsKey("configuration_type")).isFalse();
    assertThat(record.getString("filename")).isEqualTo("m13_gzip.fits");
  }

  @Test
  @DisplayName("The .tar.gz frame's filename ends in .tar.gz")
  void tarGzFrame() throws Exception {
    var record = getJson("frames/1023/");

    assertThat(record.getString("filename")).isEqualTo("ogg2m001-en06-20250101-0001-e00.tar.gz");
    assertThat(record.getString("configuration_type")).isEqualTo("EXPOSE");
  }

  @Test
  @DisplayName("An unknown id is a 404 with DRF's 2.7 text")
  void missingFrame() throws Exception {
    var response = get("frames/999999/");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).isEqualTo("{\"detail\":\"No Frame matches the given query.\"}");
  }

  @Test
  @DisplayName("A non-numeric id is a 404 with DRF's generic text")
  void nonNumericId() throws Exception {
    var response = get("frames/abc/");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("detail")).isEqualTo("Not found.");
  }

  @Test
  @DisplayName("Without the trailing slash the answer is a 301 to the slashed URL, query kept")
  void appendSlash() throws Exception {
    var response = get("frames/1001?include_related_frames=false");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.getHeader("Location")).isEqualTo("/frames/1001/?include_related_frames=false");
  }

  @Test
  @DisplayName("/frames/{id}/headers/ gives the primary and image header cards under data")
  void headers() throws Exception {
    var data = getJson("frames/1001/headers/").getJsonObject("data");

    assertThat(data.getString("OBJECT")).isEqualTo("2010 NY65");
    assertThat(data.getString("EXTNAME")).isEqualTo("SCI");
    assertThat(data.getInteger("NAXIS1")).isEqualTo(1523);
    assertThat(data.getInteger("BITPIX")).isEqualTo(-32);
  }

  @Test
  @DisplayName("/health/ answers \"ok\"")
  void health() throws Exception {
    var response = get("health/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("\"ok\"");
  }

  @Test
  @DisplayName("A client sending Java's default Accept gets the HTML browsable API, not JSON")
  void htmlForJavaDefaultAccept() throws Exception {
    var response = get("frames/1001/", "Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("text/html");
  }

  @Test
  @DisplayName("A FITS file the catalogue does not name is served as a public EXPOSE frame named after the file")
  void uncataloguedFileIsServed() throws Exception {
    var page = getJson("frames/?basename_exact=m13_plio");
    var record = page.getJsonArray("results").getJsonObject(0);

    assertThat(page.getLong("count")).isEqualTo(1);
    assertThat(record.getLong("id")).isGreaterThanOrEqualTo(10_000);
    assertThat(record.getString("configuration_type")).isEqualTo("EXPOSE");
    assertThat(record.getString("filename")).isEqualTo("m13_plio.fits");
    assertThat(record.getValue("request_id")).isNull();
    assertThat(getJson("frames/" + record.getLong("id") + "/").getString("basename")).isEqualTo("m13_plio");
  }
}
