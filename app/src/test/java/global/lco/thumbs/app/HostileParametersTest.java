package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.CsvSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpClient;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile query strings and paths, sent byte for byte: each is a 400 naming the parameter or a 404,
 * always JSON, never a 500 or an HTML page, and a parameter error never reaches the archive;
 * another method than GET, HEAD or OPTIONS on a thumbnail route is a 405.
 */
class HostileParametersTest {
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

  static Stream<Arguments> badParameters() {
    return Stream.of(
        bad("width=0", "width"),
        bad("width=-1", "width"),
        bad("width=-0", "width"),
        bad("width=1000000000", "width"),
        bad("width=10001", "width"),
        bad("width=99999999999999999999999999", "width"),
        bad("width=NaN", "width"),
        bad("width=Infinity", "width"),
        bad("width=0x10", "width"),
        bad("width=%2B5", "width"),
        bad("width=+5", "width"),
        bad("width=1e3", "width"),
        bad("width=5.0", "width"),
        bad("width=%205", "width"),
        bad("width=5%20", "width"),
        bad("width=5%00", "width"),
        bad("width=", "width"),
        bad("width=%D9%A5", "width"), // ARABIC-INDIC DIGIT FIVE: Long.parseLong would take it
        bad("width=%EF%BC%95", "width"), // FULLWIDTH DIGIT FIVE
        bad("height=abc", "height"),
        bad("height=1,000", "height"),
        bad("quality=0", "quality"),
        bad("quality=101", "quality"),
        bad("percentile=0", "percentile"),
        bad("percentile=-1", "percentile"),
        bad("percentile=100.0001", "percentile"),
        bad("percentile=NaN", "percentile"),
        bad("percentile=Infinity", "percentile"),
        bad("percentile=1e2", "percentile"),
        bad("percentile=0x1p3", "percentile"),
        bad("percentile=", "percentile"),
        bad("median=maybe", "median"),
        bad("median=true%20", "median"),
        bad("image=2", "image"),
        bad("color=%00", "color"),
        bad("label=" + "a".repeat(257), "label"),
        bad("label=" + "%F0%9F%94%AD".repeat(257), "label"),
        bad("width=abc&width=100", "width"),
        bad("width=" + "9".repeat(10_000), "width"));
  }

  @ParameterizedTest(name = "?{0}")
  @MethodSource("badParameters")
  @DisplayName("A bad parameter is a 400 JSON error naming it, and the archive is never asked")
  void badParameter(String query, String parameter) {
    var answer = RawHttp.get(app.service.port(), "/1001/?" + query);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(json(answer).getString("message")).startsWith("Invalid parameter '" + parameter + "'");
    assertThat(app.archive.requests()).isEmpty();
  }

  static Stream<Arguments> badPaths() {
    return Stream.of(
        path("/" + "1".repeat(10_000) + "/"),
        path("/" + "a".repeat(10_000) + "/"),
        path("/a%2Fb/"),
        path("/..%2F1001/"),
        path("/%2e%2e%2f%2e%2e%2fetc%2fpasswd/"),
        path("/frame%00/"),
        path("/%00/"),
        path("/1001%00/"),
        path("/%FF%FE/"),
        path("/a%5Cb/"),
        path("/%0d%0aSet-Cookie:%20x=1/"),
        path("/<script>/"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPaths")
  @DisplayName("A frame segment no archive could hold (too long, slashes, control bytes) is a 404 JSON without an archive call")
  void badPath(String path) {
    var answer = RawHttp.get(app.service.port(), path.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(json(answer).getString("message")).isEqualTo("Not found");
    assertThat(app.archive.requests()).isEmpty();
  }

  @Test
  @DisplayName("A path with raw dot segments never escapes the routes: it is the index page or a 404, never a 500")
  void dotSegments() {
    for (var path : new String[] {"/../1001/", "/%2e%2e/", "/./1001/../1001/"}) {
      var answer = RawHttp.get(app.service.port(), path);
      assertThat(answer.status()).as(path).isIn(200, 308, 404);
      assertThat(answer.status() == 404 ? answer.header("content-type") : "application/json")
          .startsWith("application/json");
    }
  }

  @ParameterizedTest(name = "?{0}")
  @ValueSource(strings = {"width=%", "width=%zz", "%=1", "width=%G1"})
  @DisplayName("A query that is not valid percent-encoding is a 400 JSON error, and the archive is never asked")
  void undecodableQuery(String query) {
    var answer = RawHttp.get(app.service.port(), "/1001/?" + query);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(json(answer).getString("message")).isNotBlank();
    assertThat(app.archive.requests()).isEmpty();
  }

  @Test
  @DisplayName("A request line over 16 kB is a 414 JSON error, and the archive is never asked")
  void requestLineTooLong() {
    var answer = RawHttp.get(app.service.port(), "/" + "7".repeat(20_000) + "/");
    assertThat(answer.status()).isEqualTo(414);
    assertThat(json(answer).getString("message")).isEqualTo("Request line too long");
    assertThat(app.archive.requests()).isEmpty();
  }

  @Test
  @DisplayName("Headers over the limit are a 431 JSON error")
  void headersTooLarge() {
    var answer = RawHttp.get(app.service.port(), "/1001/", "X-Padding", "p".repeat(20_000));
    assertThat(answer.status()).isEqualTo(431);
    assertThat(json(answer).getString("message")).isEqualTo("Request headers too large");
  }

  @Test
  @DisplayName("Of repeated parameters the first wins: a good first value is used, the bad repeat ignored")
  void firstRepeatWins() {
    var answer = RawHttp.get(app.service.port(), "/1001/?width=100&width=abc&height=100&height=-1");
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A label of 256 code points beyond the BMP (512 UTF-16 units) is accepted")
  void unicodeLabelAccepted() {
    var answer = RawHttp.get(app.service.port(), "/1001/?width=64&height=64&label=" + "%F0%9F%94%AD".repeat(256));
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  @DisplayName("A label with control characters renders (they are drawn as nothing), not a 500")
  void controlCharactersInLabel() {
    var answer = RawHttp.get(app.service.port(), "/1001/?width=64&height=64&label=a%00b%0d%0ac%1b");
    assertThat(answer.status()).isEqualTo(200);
  }

  private static JsonObject json(RawHttp.Answer answer) {
    assertThat(answer.header("content-type")).startsWith("application/json");
    return new JsonObject(answer.body());
  }

  private static Arguments bad(String query, String parameter) {
    return Arguments.of(query, parameter);
  }

  private static Arguments path(String path) {
    return Arguments.of(path);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"POST, 1001/", "PUT, 1001/", "DELETE, 1001/", "PATCH, tfn0m414-kb29-20160625-0060-e91/",
      "POST, 1001", "DELETE, tfn0m414-kb29-20160625-0060-e91"})
  @DisplayName("Another method on a thumbnail route: 405, Allow: GET, HEAD, OPTIONS, a JSON message, no archive call")
  void otherMethodsAre405(String method, String path) throws Exception {
    long archiveCalls = app.archive.requests().size();
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + path))
        .method(method, HttpRequest.BodyPublishers.ofString("x=1")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS");
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(new JsonObject(response.body()).getString("message")).isEqualTo("Method not allowed");
    assertThat(app.archive.requests()).hasSize((int) archiveCalls);
  }
}
