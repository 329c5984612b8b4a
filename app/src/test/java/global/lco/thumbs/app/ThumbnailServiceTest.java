package global.lco.thumbs.app;

import static global.lco.thumbs.app.Answers.decode;
import static global.lco.thumbs.app.Answers.json;
import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The single-machine service end to end, against the sample archive, as an HTTP client sees it. */
class ThumbnailServiceTest {
  private static final String TOKEN = "Token sample-token-proposal";
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    // Frame reuse is FrameReuseTest's subject; off here so "no second download" means "cache hit".
    app = ServiceFixture.start(dir, Map.of("ARCHIVE_TIMEOUT_MS", "1500", "FRAME_CACHE_MB", "0"));
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
  @DisplayName("A frame id answers {propid, url}, and the URL serves the JPEG thumbnail fitted in the box")
  void frameIdGivesUrl() throws IOException {
    var answer = json(app.get("1001/?width=300&height=300"), 200);
    assertThat(answer.getString("propid")).isEqualTo("LCOEPO2014B-010");
    var image = app.get(answer.getString("url"));
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    var picture = decode(image.body());
    assertThat(picture.getWidth()).isEqualTo(300);
    assertThat(picture.getHeight()).isEqualTo(201); // 1523x1020 fitted in 300x300
  }

  @Test
  @DisplayName("The second identical request is a cache hit: the archive is asked again, but nothing is downloaded")
  void secondRequestIsHit() {
    json(app.get("1001/?width=123&height=123"), 200);
    assertThat(app.archive.downloads()).hasSize(1);
    app.archive.clearRequests();
    json(app.get("1001/?width=123&height=123"), 200);
    assertThat(app.archive.requests(Route.FRAMES)).hasSize(1);
    assertThat(app.archive.downloads()).isEmpty();
  }

  @Test
  @DisplayName("Spelling a number differently (width=0124) shares the cached thumbnail")
  void numberSpellingSharesKey() {
    json(app.get("1003/?width=124&height=124"), 200);
    app.archive.clearRequests();
    json(app.get("1003/?width=0124&height=124&label="), 200);
    assertThat(app.archive.downloads()).isEmpty();
  }

  @Test
  @DisplayName("A basename finds the frame through basename_exact")
  void basenameRoute() {
    var answer = json(app.get("tfn0m414-kb29-20160625-0060-e91/"), 200);
    assertThat(answer.getString("propid")).isEqualTo("LCOEPO2014B-010");
    assertThat(app.archive.requests(Route.FRAMES).get(0).query()).contains("basename_exact=tfn0m414-kb29-20160625-0060-e91");
  }

  @Test
  @DisplayName("image=true answers the JPEG with its ETag and private caching; If-None-Match gives 304")
  void imageBytesAndConditionalGet() throws IOException {
    var image = app.get("1002/?image=true&width=100&height=100");
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(image.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
    assertThat(decode(image.body()).getWidth()).isEqualTo(100);
    var etag = image.headers().firstValue("ETag").orElseThrow();
    var again = app.get("1002/?image=true&width=100&height=100", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  @DisplayName("A label and median mode render, and give a different thumbnail than the plain one")
  void labelAndMedian() throws IOException {
    var plain = app.get("1001/?image=true&width=200&height=200&quality=100").body();
    var labelled = app.get("1001/?image=true&width=200&height=200&quality=100&label=M%2013&median=true").body();
    assertThat(decode(labelled).getWidth()).isEqualTo(200);
    assertThat(labelled).isNotEqualTo(plain);
  }

  @Test
  @DisplayName("A frame without the trailing slash is redirected with 308, query kept")
  void addsSlash() {
    var response = app.get("1024?width=10");
    assertThat(response.statusCode()).isEqualTo(308);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/1024/?width=10");
  }

  @Test
  @DisplayName("A record missing a required key is refused with the old message")
  void requiredKeyMissing() {
    assertThat(json(app.get("1024/"), 400).getString("message")).isEqualTo("Cannot generate thumbnail for given frame");
  }

  @Test
  @DisplayName("A CATALOG frame is refused with its configuration type")
  void catalogRefused() {
    assertThat(json(app.get("1021/"), 400).getString("message"))
        .isEqualTo("Cannot generate thumbnail for configuration_type=CATALOG");
  }

  @Test
  @DisplayName("Colour of a BIAS frame is refused with the colour message")
  void colourBiasRefused() {
    assertThat(json(app.get("1020/?color=true"), 400).getString("message"))
        .isEqualTo("Cannot generate color thumbnail for configuration_type=BIAS");
  }

  @Test
  @DisplayName("Colour of a frame without a request is refused")
  void colourWithoutRequest() {
    assertThat(json(app.get("1022/?color=yes"), 400).getString("message"))
        .isEqualTo("Cannot generate color thumbnail for a frame that does not have a request");
  }

  @Test
  @DisplayName("A non-FITS frame (.tar.gz) is refused")
  void nonFitsRefused() {
    assertThat(json(app.get("1023/"), 400).getString("message"))
        .isEqualTo("Cannot generate thumbnail for non FITS-type frame");
  }

  @Test
  @DisplayName("An HTML page served as .fits.fz is a 422 naming the problem, and nothing is stored")
  void unreadableFits() {
    long before = app.storedThumbnails();
    assertThat(json(app.get("1026/"), 422).getString("message")).isEqualTo("Not a FITS file");
    assertThat(app.storedThumbnails()).isEqualTo(before);
  }

  @Test
  @DisplayName("Unknown ids and basenames are 404 Not found")
  void unknownFrames() {
    assertThat(json(app.get("99999999/"), 404).getString("message")).isEqualTo("Not found");
    assertThat(json(app.get("no-such-frame-e91/"), 404).getString("message")).isEqualTo("Not found");
  }

  @Test
  @DisplayName("A versionless frame (url null) is 404")
  void versionless() {
    json(app.get("1025/"), 404);
  }

  @Test
  @DisplayName("A bad parameter is a 400 naming it, with no archive call")
  void badParameter() {
    assertThat(json(app.get("1001/?width=abc"), 400).getString("message")).contains("width");
    assertThat(json(app.get("1001/?color=maybe"), 400).getString("message")).contains("color");
    assertThat(app.archive.requests()).isEmpty();
  }

  @Test
  @DisplayName("An archive 500 is a 502 JSON error")
  void archiveServerError() {
    app.archive.faults().add(Fault.status(Route.FRAMES, 500).forFrame(1003));
    assertThat(json(app.get("1003/"), 502).getString("message")).isEqualTo("Got error response");
  }

  @Test
  @DisplayName("An archive slower than ARCHIVE_TIMEOUT_MS is a 504 JSON error")
  void archiveTimeout() {
    app.archive.faults().add(Fault.delay(Route.FRAMES, Duration.ofSeconds(4)).forFrame(1003));
    assertThat(json(app.get("1003/"), 504).getString("message")).isEqualTo("Timeout while accessing resource");
  }

  @Test
  @DisplayName("A FITS download failing with 500 is a 502 and nothing is stored")
  void downloadFails() {
    long before = app.storedThumbnails();
    app.archive.faults().add(Fault.status(Route.FILES, 500));
    json(app.get("1003/?width=77"), 502);
    assertThat(app.storedThumbnails()).isEqualTo(before);
  }

  @Test
  @DisplayName("A proprietary frame renders for its proposal's token; the cached thumbnail is never given to anyone else")
  void proprietaryNeverLeaks() {
    var owner = json(app.get("1010/?width=90&height=90", "Authorization", TOKEN), 200);
    assertThat(owner.getString("propid")).isEqualTo("LCO2026B-999");
    assertThat(json(app.get("1010/?width=90&height=90"), 404).containsKey("url")).isFalse();
    assertThat(json(app.get("1010/?width=90&height=90", "Authorization", "Token sample-token-other"), 404)
        .containsKey("url")).isFalse();
    assertThat(app.get("1010/?width=90&height=90&image=true").statusCode()).isEqualTo(404);
    assertThat(json(app.get("1010/?width=90&height=90", "Authorization", "Token revoked"), 401)
        .getString("message")).isEqualTo("Got error response");
  }

  @Test
  @DisplayName("The caller's Authorization goes to every archive lookup, hit or miss, and never to the FITS download")
  void authorizationForwarding() {
    app.get("1010/?width=91&height=91", "Authorization", TOKEN);
    app.get("1010/?width=91&height=91", "Authorization", TOKEN);
    assertThat(app.archive.requests(Route.FRAMES)).hasSize(2).allMatch(r -> r.authorization());
    assertThat(app.archive.downloads()).hasSize(1).noneMatch(r -> r.authorization());
  }

  @Test
  @DisplayName("No temporary files are left in TMP_DIR after renders and failures")
  void noTempFiles() {
    app.get("1001/?width=55");
    app.get("1026/?width=55");
    assertThat(app.filesIn(app.tmp)).isZero();
  }

  @Test
  @DisplayName("robots.txt forbids crawling, favicon is empty, /health answers, and any other path is the index page")
  void staticPages() {
    var robots = app.get("robots.txt");
    assertThat(new String(robots.body(), StandardCharsets.UTF_8)).contains("User-agent: *").contains("Disallow: /");
    assertThat(app.get("favicon.ico").statusCode()).isIn(200, 204);
    assertThat(app.get("health").statusCode()).isEqualTo(200);
    for (var path : new String[] {"", "some/deep/path", "a/b/"}) {
      var page = app.get(path);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("developers.lco.global");
    }
  }

  @Test
  @DisplayName("HEAD works and CORS is open, with OPTIONS answered")
  void headAndCors() {
    var head = app.send("HEAD", "1001/?width=125&height=125");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    var options = app.send("OPTIONS", "1001/", "Origin", "https://example.org", "Access-Control-Request-Method", "GET");
    assertThat(options.statusCode()).isIn(200, 204);
    assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  @DisplayName("A tampered or foreign signed URL is refused")
  void tamperedUrlRefused() {
    var url = json(app.get("1001/?width=66&height=66"), 200).getString("url");
    var tampered = url.replaceFirst("signature=.", "signature=" + (url.contains("signature=A") ? "B" : "A"));
    assertThat(app.get(tampered).statusCode()).isEqualTo(403);
  }
}
