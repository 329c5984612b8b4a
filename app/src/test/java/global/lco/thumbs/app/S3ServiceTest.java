package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import global.lco.thumbs.shared.store.S3ProxyServer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The single-machine service with THUMBNAIL_STORE=s3, against a real S3 API (s3proxy, SigV4 checked). */
class S3ServiceTest {
  private static final String PREFIX = "thumbs/";
  @TempDir
  static Path dir;
  static S3ProxyServer s3;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    // The service's logback.xml logs INFO; s3proxy's Jetty start/stop lines are not worth reading.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.gaul")).setLevel(Level.WARN);
    s3 = S3ProxyServer.start(dir.resolve("s3"));
    app = ServiceFixture.start(dir.resolve("service"), s3.env(PREFIX));
  }

  @AfterAll
  static void stop() {
    app.close();
    s3.close();
  }

  @BeforeEach
  void resetArchive() {
    app.archive.clearRequests();
  }

  @Test
  @DisplayName("GET 1001/ answers a presigned URL on the S3 endpoint, and that URL serves the JPEG stored in the bucket")
  void urlPointsAtBucket() throws IOException {
    var url = json(app.get("1001/?width=200&height=200")).getString("url");
    assertThat(url).startsWith(s3.endpoint + "/" + S3ProxyServer.BUCKET + "/" + PREFIX)
        .contains("X-Amz-Signature=").doesNotContain(S3ProxyServer.SECRET_KEY);
    var image = app.get(url);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(image.body()).isEqualTo(s3.object(objectName(url)));
    var picture = ImageIO.read(new ByteArrayInputStream(image.body()));
    assertThat(picture.getWidth()).isEqualTo(200);
    // Nothing went to the local directory store.
    assertThat(app.storedThumbnails()).isZero();
  }

  @Test
  @DisplayName("The second identical request is a hit in the bucket: nothing is downloaded from the archive")
  void secondRequestIsHit() {
    var first = json(app.get("1001/?width=150&height=150")).getString("url");
    app.archive.clearRequests();
    var second = json(app.get("1001/?width=150&height=150")).getString("url");
    assertThat(app.archive.downloads()).isEmpty();
    assertThat(objectName(second)).isEqualTo(objectName(first));
  }

  @Test
  @DisplayName("The same request stores under the same object key across two service restarts, and hits after them")
  void keysSurviveRestarts() {
    var request = "1001/?width=180&height=180";
    var before = objectName(json(app.get(request)).getString("url"));
    for (int restart = 0; restart < 2; restart++) {
      try (var restarted = ServiceFixture.start(dir.resolve("restart-" + restart), s3.env(PREFIX))) {
        var after = objectName(json(restarted.get(request)).getString("url"));
        assertThat(after).isEqualTo(before).matches(PREFIX + "[0-9a-f]{64}\\.jpg");
        assertThat(restarted.archive.downloads()).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("With the store unreachable, JSON callers get a fast 503 while image=true callers still get the JPEG")
  void storeDown() throws IOException {
    var env = new HashMap<>(s3.env(PREFIX));
    env.put("STORAGE_URL", "http://127.0.0.1:" + closedPort());
    env.put("S3_API_TIMEOUT_MS", "1500");
    env.put("S3_ATTEMPT_TIMEOUT_MS", "500");
    try (var outage = ServiceFixture.start(dir.resolve("outage"), env)) {
      var json = outage.get("1001/?width=120&height=120");
      assertThat(json.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(new String(json.body(), StandardCharsets.UTF_8)).getString("message"))
          .isEqualTo("Thumbnail store unavailable");
      var image = outage.get("1001/?width=120&height=120&image=true");
      assertThat(image.statusCode()).isEqualTo(200);
      assertThat(ImageIO.read(new ByteArrayInputStream(image.body())).getWidth()).isEqualTo(120);
    }
  }

  @Test
  @DisplayName("A store refusing our credentials is a 503 JSON error, never a URL to a missing object")
  void storeRefuses() {
    var env = new HashMap<>(s3.env(PREFIX));
    env.put("AWS_SECRET_ACCESS_KEY", "not-the-secret-0123456789");
    try (var refused = ServiceFixture.start(dir.resolve("refused"), env)) {
      var json = refused.get("1001/?width=121&height=121");
      assertThat(json.statusCode()).isEqualTo(503);
      assertThat(new String(json.body(), StandardCharsets.UTF_8)).doesNotContain("url");
    }
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The object key inside a presigned path-style URL: {@code /bucket/prefix/key.jpg?…}. */
  private static String objectName(String url) {
    var path = URI.create(url).getPath();
    return path.substring(("/" + S3ProxyServer.BUCKET + "/").length());
  }

  private static JsonObject json(HttpResponse<byte[]> response) {
    var body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isEqualTo(200);
    return new JsonObject(body);
  }
}
