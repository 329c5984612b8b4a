package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Methods other than GET, HEAD and OPTIONS on the thumbnail routes are a 405 with Allow, as the old service answered. */
class MethodsTest {
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
