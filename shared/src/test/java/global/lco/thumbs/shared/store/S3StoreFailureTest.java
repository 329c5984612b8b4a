package global.lco.thumbs.shared.store;

import static global.lco.thumbs.shared.store.S3StoreTest.config;
import static global.lco.thumbs.shared.store.S3StoreTest.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the S3 store does when the store refuses it, is down, or hangs: fail, and fail in time. */
@ExtendWith(VertxExtension.class)
class S3StoreFailureTest {
  private static final Buffer JPEG = Buffer.buffer(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
  /** Short timeouts so the failures below are quick; the margin absorbs JVM and CI jitter. */
  private static final Map<String, String> SHORT_TIMEOUTS = Map.of("S3_API_TIMEOUT_MS", "1500",
      "S3_ATTEMPT_TIMEOUT_MS", "400");
  private static final long BOUND_MS = 1500 + 1500;

  private static S3Store open(Vertx vertx, Map<String, String> base, Map<String, String> overrides) {
    var env = new HashMap<>(base);
    env.putAll(SHORT_TIMEOUTS);
    env.putAll(overrides);
    return S3Store.open(vertx, config(env)).await();
  }

  /** How long a call took to fail; it must fail, not succeed. */
  private static long millisToFail(Supplier<Future<?>> call) {
    long started = System.nanoTime();
    assertThatThrownBy(() -> call.get().await()).isInstanceOf(SdkException.class);
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  @Test
  @DisplayName("Wrong credentials make exists, put and the presigned URL fail with 403, never 'absent'")
  void wrongCredentials(Vertx vertx, @TempDir Path dir) throws Exception {
    try (var s3 = S3ProxyServer.start(dir)) {
      var store = open(vertx, s3.env("thumbs/"), Map.of("AWS_SECRET_ACCESS_KEY", "not-the-secret-key-at-all-0000"));
      var key = newKey();
      assertThatThrownBy(() -> store.exists(key).await())
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
      assertThatThrownBy(() -> store.put(key, JPEG).await())
          .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
      assertThat(s3.has("thumbs/" + key + ".jpg")).isFalse();
      var url = store.url(key).await().url();
      var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).isEqualTo(403);
      store.close().await();
    }
  }

  @Test
  @DisplayName("With the store stopped, exists and put fail within S3_API_TIMEOUT_MS instead of hanging")
  void storeDown(Vertx vertx, @TempDir Path dir) {
    var s3 = S3ProxyServer.start(dir);
    var store = open(vertx, s3.env("thumbs/"), Map.of());
    var key = newKey();
    store.put(key, JPEG).await();
    s3.close();
    assertThat(millisToFail(() -> store.exists(key))).isLessThan(BOUND_MS);
    assertThat(millisToFail(() -> store.put(newKey(), JPEG))).isLessThan(BOUND_MS);
    assertThat(millisToFail(() -> store.get(key))).isLessThan(BOUND_MS);
    store.close().await();
  }

  @Test
  @DisplayName("A store that accepts connections but never answers fails calls within S3_API_TIMEOUT_MS, and the event loop stays free meanwhile")
  void storeHangs(Vertx vertx) throws Exception {
    // The kernel completes the TCP handshake from the backlog; nothing ever reads or answers.
    try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      var store = open(vertx, Map.of("THUMBNAIL_STORE", "s3", "AWS_BUCKET", "thumbs", "AWS_ACCESS_KEY_ID", "key",
          "AWS_SECRET_ACCESS_KEY", "secret"), Map.of("STORAGE_URL", "http://127.0.0.1:" + silent.getLocalPort()));
      assertThat(millisToFail(() -> store.put(newKey(), JPEG))).isBetween(300L, BOUND_MS);

      var context = vertx.getOrCreateContext();
      var timerFiredAfter = new CompletableFuture<Long>();
      var failedAfter = new CompletableFuture<Long>();
      var completedOnCaller = new CompletableFuture<Boolean>();
      context.runOnContext(v -> {
        long started = System.nanoTime();
        store.exists(newKey()).onComplete(result -> {
          completedOnCaller.complete(Vertx.currentContext() == context);
          failedAfter.complete(result.failed() ? TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) : -1);
        });
        vertx.setTimer(50, id -> timerFiredAfter.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
      });
      assertThat(failedAfter.get(10, TimeUnit.SECONDS)).isBetween(300L, BOUND_MS);
      assertThat(timerFiredAfter.get(10, TimeUnit.SECONDS)).isLessThan(300L);
      assertThat(completedOnCaller.get(10, TimeUnit.SECONDS)).isTrue();
      store.close().await();
    }
  }
}
