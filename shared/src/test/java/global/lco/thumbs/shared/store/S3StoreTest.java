package global.lco.thumbs.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import global.lco.thumbs.shared.config.Env;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 store against a real S3 API (s3proxy in-process, SigV4 checked). */
@ExtendWith(VertxExtension.class)
class S3StoreTest {
  private static final String PREFIX = "thumbs/";
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x42, (byte) 0xFF, (byte) 0xD9};
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  @TempDir
  static Path dir;
  static S3ProxyServer s3;

  @BeforeAll
  static void start() {
    s3 = S3ProxyServer.start(dir);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  static String newKey() {
    var bytes = new byte[32];
    ThreadLocalRandom.current().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  static StoreConfig config(Map<String, String> vars) {
    var problems = new ArrayList<String>();
    var config = StoreConfig.fromEnv(new Env(vars, problems), 8080);
    assertThat(problems).isEmpty();
    return config;
  }

  static Map<String, String> env(Map<String, String> overrides) {
    var env = new HashMap<>(s3.env(PREFIX));
    env.putAll(overrides);
    return env;
  }

  static S3Store open(Vertx vertx, Map<String, String> overrides) {
    return S3Store.open(vertx, config(env(overrides))).await();
  }

  static HttpResponse<byte[]> fetch(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  @DisplayName("A stored thumbnail exists, under {prefix}{key}.jpg as image/jpeg; a key never stored does not")
  void putThenExists(Vertx vertx) throws Exception {
    var store = open(vertx, Map.of());
    var key = newKey();
    store.put(key, Buffer.buffer(JPEG)).await();
    assertThat(store.exists(key).await()).isTrue();
    assertThat(store.exists(newKey()).await()).isFalse();
    assertThat(s3.object(PREFIX + key + ".jpg")).containsExactly(JPEG);
    assertThat(s3.contentType(PREFIX + key + ".jpg")).isEqualTo("image/jpeg");
    store.close().await();
  }

  @Test
  @DisplayName("get returns the stored bytes and fails for a key never stored")
  void getBytes(Vertx vertx) {
    var store = open(vertx, Map.of());
    var key = newKey();
    store.put(key, Buffer.buffer(JPEG)).await();
    assertThat(store.get(key).await().getBytes()).containsExactly(JPEG);
    assertThatThrownBy(() -> store.get(newKey()).await())
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    store.close().await();
  }

  @Test
  @DisplayName("The presigned URL, fetched by a plain HTTP client, gives exactly the stored bytes as image/jpeg until its expiry")
  void presignedUrlServesBytes(Vertx vertx) throws Exception {
    var store = open(vertx, Map.of("THUMBNAIL_URL_TTL", "600"));
    var key = newKey();
    store.put(key, Buffer.buffer(JPEG)).await();
    var signed = store.url(key).await();
    assertThat(signed.url()).startsWith(s3.endpoint + "/" + S3ProxyServer.BUCKET + "/" + PREFIX + key + ".jpg?");
    assertThat(signed.url()).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Expires=600")
        .doesNotContain(S3ProxyServer.SECRET_KEY);
    assertThat(signed.expires()).isCloseTo(Instant.now().plusSeconds(600), within(5, ChronoUnit.SECONDS));
    var response = fetch(signed.url());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(response.body()).containsExactly(JPEG);
    store.close().await();
  }

  @Test
  @DisplayName("A presigned URL whose signature was tampered with is refused with 403")
  void tamperedSignature(Vertx vertx) throws Exception {
    var store = open(vertx, Map.of());
    var key = newKey();
    store.put(key, Buffer.buffer(JPEG)).await();
    var url = store.url(key).await().url();
    var signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
    var flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
    assertThat(fetch(url.replace(signature, flipped)).statusCode()).isEqualTo(403);
    // Pointing a valid signature at another object is tampering too.
    var other = newKey();
    store.put(other, Buffer.buffer(JPEG)).await();
    assertThat(fetch(url.replace(key, other)).statusCode()).isEqualTo(403);
    store.close().await();
  }

  @Test
  @DisplayName("A presigned URL is refused with 403 once THUMBNAIL_URL_TTL has passed")
  void expiredUrl(Vertx vertx) throws Exception {
    var store = open(vertx, Map.of("THUMBNAIL_URL_TTL", "1"));
    var key = newKey();
    store.put(key, Buffer.buffer(JPEG)).await();
    var signed = store.url(key).await();
    assertThat(signed.url()).containsPattern("X-Amz-Expires=1(&|$)");
    Thread.sleep(2_500);
    assertThat(fetch(signed.url()).statusCode()).isEqualTo(403);
    store.close().await();
  }
}
