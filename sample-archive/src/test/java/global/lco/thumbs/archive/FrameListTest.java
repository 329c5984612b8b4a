package global.lco.thumbs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GET /frames/")
class FrameListTest extends ArchiveTestSupport {

  @Test
  @DisplayName("A page has count, next, previous, results and count_estimated, in that order")
  void pageShape() throws Exception {
    var page = getJson("frames/?basename_exact=m13");

    assertThat(new ArrayList<>(page.fieldNames()))
        .containsExactly("count", "next", "previous", "results", "count_estimated");
    assertThat(page.getBoolean("count_estimated")).isFalse();
  }

  @Test
  @DisplayName("basename_exact matches the whole basename only")
  void basenameExact() throws Exception {
    assertThat(ids(getJson("frames/?basename_exact=m13"))).containsExactly(1021L);
  }

  @Test
  @DisplayName("basename matches any basename containing the text, ignoring case")
  void basenameContains() throws Exception {
    var ids = ids(getJson("frames/?basename=M13_&limit=1000"));

    assertThat(ids).contains(1022L, 1024L).doesNotContain(1021L);
  }

  @Test
  @DisplayName("request_id with reduction_level gives the request's frames newest first")
  void colourSiblingsNewestFirst() throws Exception {
    var page = getJson("frames/?request_id=60001&reduction_level=91");

    assertThat(page.getLong("count")).isEqualTo(3);
    assertThat(ids(page)).containsExactly(1030L, 1032L, 1031L);
    assertThat(filters(page)).containsExactly("ip", "gp", "rp");
  }

  @Test
  @DisplayName("The legacy REQNUM and RLEVEL names filter the same way")
  void legacyAliases() throws Exception {
    assertThat(ids(getJson("frames/?REQNUM=60001&RLEVEL=91"))).containsExactly(1030L, 1032L, 1031L);
    assertThat(ids(getJson("frames/?REQNUM=60001&RLEVEL=0"))).isEmpty();
  }

  @Test
  @DisplayName("limit=1 pages through the request with absolute next and previous links")
  void pagination() throws Exception {
    var base = archive.baseUrl() + "frames/";
    var first = getJson("frames/?request_id=60001&reduction_level=91&limit=1");
    assertThat(ids(first)).containsExactly(1030L);
    assertThat(first.getValue("previous")).isNull();
    assertThat(first.getString("next")).isEqualTo(base + "?limit=1&offset=1&reduction_level=91&request_id=60001");

    var second = getJson(first.getString("next"));
    assertThat(ids(second)).containsExactly(1032L);
    assertThat(second.getString("previous")).isEqualTo(base + "?limit=1&reduction_level=91&request_id=60001");
    assertThat(second.getString("next")).isEqualTo(base + "?limit=1&offset=2&reduction_level=91&request_id=60001");

    var third = getJson(second.getString("next"));
    assertThat(ids(third)).containsExactly(1031L);
    assertThat(third.getValue("next")).isNull();
    assertThat(third.getLong("count")).isEqualTo(3);
  }

  @Test
  @DisplayName("ordering= overrides the default order")
  void ordering() throws Exception {
    assertThat(ids(getJson("frames/?request_id=60001&ordering=observation_date"))).containsExactly(1031L, 1032L, 1030L);
    assertThat(ids(getJson("frames/?request_id=60001&ordering=-id"))).containsExactly(1032L, 1031L, 1030L);
  }

  @Test
  @DisplayName("A bad or zero limit means 100; a limit above 1000 means 1000")
  void limits() throws Exception {
    var base = archive.baseUrl() + "frames/";

    assertThat(getJson("frames/?limit=0&offset=1").getString("previous")).isEqualTo(base + "?limit=100");
    assertThat(getJson("frames/?limit=x&offset=1").getString("previous")).isEqualTo(base + "?limit=100");
    assertThat(getJson("frames/?limit=5000&offset=1").getString("previous")).isEqualTo(base + "?limit=1000");
  }

  @Test
  @DisplayName("primary_optical_element, configuration_type and proposal_id filter exactly")
  void exactFilters() throws Exception {
    assertThat(ids(getJson("frames/?primary_optical_element=rp&request_id=60001"))).containsExactly(1031L);
    assertThat(ids(getJson("frames/?configuration_type=BIAS"))).containsExactly(1020L);
    assertThat(ids(getJson("frames/?proposal_id=LCOEPO2014B-010"))).containsExactly(1001L);
  }

  @Test
  @DisplayName("Unknown and empty parameters are ignored")
  void unknownParamsIgnored() throws Exception {
    var all = getJson("frames/").getLong("count");

    assertThat(getJson("frames/?no_such_filter=1&request_id=").getLong("count")).isEqualTo(all);
  }

  @Test
  @DisplayName("A badly typed number is a 400 naming each bad parameter")
  void badNumber() throws Exception {
    var response = get("frames/?request_id=abc&reduction_level=9x1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject()
        .put("request_id", new JsonArray().add("Enter a number."))
        .put("reduction_level", new JsonArray().add("Enter a number.")));
  }

  @Test
  @DisplayName("Version-less frames are never listed, though their detail exists")
  void versionlessNotListed() throws Exception {
    assertThat(getJson("frames/?basename_exact=m13_hcomp").getLong("count")).isZero();
  }

  @Test
  @DisplayName("Every listed record has the detail shape")
  void listItemsHaveDetailShape() throws Exception {
    var item = getJson("frames/?basename_exact=tfn0m414-kb29-20160625-0060-e91").getJsonArray("results")
        .getJsonObject(0);

    assertThat(new ArrayList<>(item.fieldNames())).containsExactlyElementsOf(
        new ArrayList<>(getJson("frames/1001/").fieldNames()));
  }

  private static List<Long> ids(JsonObject page) {
    return page.getJsonArray("results").stream().map(r -> ((JsonObject) r).getLong("id")).toList();
  }

  private static List<String> filters(JsonObject page) {
    return page.getJsonArray("results").stream()
        .map(r -> ((JsonObject) r).getString("primary_optical_element")).toList();
  }
}
