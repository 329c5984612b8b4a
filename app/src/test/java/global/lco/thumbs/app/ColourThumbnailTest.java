package global.lco.thumbs.app;

import static global.lco.thumbs.app.Answers.decode;
import static global.lco.thumbs.app.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.recording.RecordedRequest;
import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.ArchiveConfig;
import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.gateway.colour.SiblingLookup;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour thumbnails (docs/colour.md) end to end: sibling lookup at the sample archive, three downloads, one RGB JPEG. */
class ColourThumbnailTest {
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
    app.archive.faults().clear();
    app.archive.clearRequests();
  }

  @AfterEach
  void leavesNoTemporaryFiles() {
    assertThat(app.filesIn(app.tmp)).as("files left in TMP_DIR").isZero();
  }

  @Test
  @DisplayName("The LCO-layout SDSS request (ip, rp, gp) renders one RGB JPEG from its three frames")
  void sdssRequest() throws IOException {
    var image = app.get("1030/?color=true&image=true&width=300&height=300");

    assertThat(image.statusCode()).as(new String(image.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    var picture = decode(image.body());
    assertThat(picture.getWidth()).isEqualTo(300);
    assertThat(picture.getColorModel().getNumComponents()).isEqualTo(3);
    assertThat(downloadedFrames()).containsExactlyInAnyOrder(1030L, 1031L, 1032L);
  }

  @Test
  @DisplayName("The sibling query asks for the request's reduced frames, with the caller's Authorization")
  void siblingQuery() {
    json(app.get("1031/?color=true&width=64&height=64", "Authorization", "Token sample-token-other"), 200);

    var lists = app.archive.requests(Route.FRAMES).stream().filter(r -> r.query().contains("request_id")).toList();
    assertThat(lists).hasSize(1).allMatch(RecordedRequest::authorization);
    assertThat(lists.get(0).query()).contains("request_id=60001").contains("reduction_level=91");
    assertThat(app.archive.downloads()).noneMatch(RecordedRequest::authorization);
  }

  @Test
  @DisplayName("The 2MASS set catalogued as R, V, B renders from the newest frame of each filter")
  void broadbandRequest() throws IOException {
    var answer = json(app.get("1041/?color=true&width=200&height=200"), 200);
    assertThat(answer.getString("propid")).isEqualTo("LCOEPO2025A-001");

    assertThat(downloadedFrames()).containsExactlyInAnyOrder(1040L, 1041L, 1042L);
    var picture = decode(app.get(answer.getString("url")).body());
    assertThat(picture.getWidth()).isBetween(199, 200);
    assertThat(picture.getHeight()).isBetween(199, 200);
  }

  @Test
  @DisplayName("Another frame of the same request is a cache hit: same thumbnail, no downloads")
  void sameRequestSharesThumbnail() {
    var first = app.get("1030/?color=true&image=true&width=111&height=111");
    assertThat(first.statusCode()).isEqualTo(200);
    app.archive.clearRequests();

    var second = app.get("1032/?color=true&image=true&width=111&height=111");

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    assertThat(app.archive.downloads()).isEmpty();
  }

  @Test
  @DisplayName("A colour thumbnail and the mono thumbnail of the same frame are different objects")
  void colourAndMonoDiffer() {
    var colour = app.get("1030/?color=true&image=true&width=77&height=77");
    var mono = app.get("1030/?image=true&width=77&height=77");

    assertThat(colour.headers().firstValue("ETag")).isNotEqualTo(mono.headers().firstValue("ETag"));
  }

  @Test
  @DisplayName("A request missing a filter answers 404 RVB frames not found, without downloading anything")
  void missingFilter() {
    assertThat(json(app.get("1050/?color=true"), 404).getString("message")).isEqualTo("RVB frames not found");
    assertThat(app.archive.downloads()).isEmpty();
  }

  @Test
  @DisplayName("A sibling that is not a FITS file counts as missing")
  void nonFitsSiblingIsMissing() {
    assertThat(json(app.get("1070/?color=true"), 404).getString("message")).isEqualTo("RVB frames not found");
  }

  @Test
  @DisplayName("Mixed families are not mixed: ip, rp, V, gp render the SDSS frames, even when V was asked for")
  void mixedFamilies() {
    json(app.get("1062/?color=true&width=50&height=50"), 200);

    assertThat(downloadedFrames()).containsExactlyInAnyOrder(1060L, 1061L, 1063L);
  }

  @Test
  @DisplayName("Colour of a frame without a request is refused with rule 3's message, before any sibling query")
  void ruleThree() {
    assertThat(json(app.get("1022/?color=true"), 400).getString("message"))
        .isEqualTo("Cannot generate color thumbnail for a frame that does not have a request");
    assertThat(app.archive.requests(Route.FRAMES)).hasSize(1);
  }

  @Test
  @DisplayName("Colour of a BIAS frame is refused with rule 4's message")
  void ruleFour() {
    assertThat(json(app.get("1020/?color=on"), 400).getString("message"))
        .isEqualTo("Cannot generate color thumbnail for configuration_type=BIAS");
  }

  @Test
  @DisplayName("A proprietary frame alone in its request is 404 RVB frames not found for its owner")
  void proprietaryAlone() {
    assertThat(json(app.get("1010/?color=true", "Authorization", "Token sample-token-proposal"), 404)
        .getString("message")).isEqualTo("RVB frames not found");
  }

  @Test
  @DisplayName("Sibling pages are followed to the end (one frame per page here)")
  void followsPages() {
    var lookup = new SiblingLookup(archiveClient(), 1, SiblingLookup.DEFAULT_MAX_PAGES);

    var set = lookup.colourSet(60001, null).await();

    assertThat(List.of(set.red().id(), set.green().id(), set.blue().id())).containsExactly(1030L, 1031L, 1032L);
    assertThat(app.archive.requests(Route.FRAMES)).hasSize(3);
  }

  @Test
  @DisplayName("The page cap stops following next links")
  void pageCap() {
    var lookup = new SiblingLookup(archiveClient(), 1, 2);

    List<ArchiveFrame> siblings = lookup.siblings(60001, null).await();

    assertThat(siblings).hasSize(2);
    assertThat(app.archive.requests(Route.FRAMES)).hasSize(2);
  }

  @Test
  @DisplayName("A next link's host is not trusted: its query is sent to ARCHIVE_API_URL")
  void nextLinkRebuilt() {
    var page = archiveClient()
        .nextFramesPage("http://elsewhere.invalid/frames/?limit=1&offset=1&reduction_level=91&request_id=60001", null)
        .await();

    assertThat(page.getJsonArray("results").getJsonObject(0).getLong("id")).isEqualTo(1032L);
    assertThat(app.archive.requests(Route.FRAMES)).hasSize(1);
  }

  private static ArchiveClient archiveClient() {
    var config = new ArchiveConfig(app.archive.baseUrl(), Duration.ofSeconds(10), Duration.ofSeconds(10));
    return new ArchiveClient(WebClient.create(app.vertx), config, ThumbsMetrics.of(app.vertx));
  }

  private static List<Long> downloadedFrames() {
    return app.archive.downloads().stream().map(RecordedRequest::frameId).toList();
  }
}
