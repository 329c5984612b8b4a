package global.lco.thumbs.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class LocalDirectoryStoreTest {
  private static final String KEY = "ab".repeat(32);

  private static StoreConfig config(Path dir) {
    return new StoreConfig("local", dir, "thumbs/", Duration.ofHours(8), null, "http://localhost:8080/");
  }

  @Test
  @DisplayName("a stored thumbnail exists, reads back byte for byte, and leaves no partial files")
  void putGet(Vertx vertx, @TempDir Path dir) throws Exception {
    var store = LocalDirectoryStore.open(vertx, config(dir)).await();
    assertThat(store.exists(KEY).await()).isFalse();
    store.put(KEY, Buffer.buffer(new byte[] {1, 2, 3})).await();
    assertThat(store.exists(KEY).await()).isTrue();
    assertThat(store.get(KEY).await().getBytes()).containsExactly(1, 2, 3);
    try (Stream<Path> files = Files.list(dir.resolve("thumbs"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(KEY + ".jpg");
    }
  }

  @Test
  @DisplayName("URLs carry the configured lifetime and verify; the secret survives a restart")
  void urlsVerifyAcrossRestarts(Vertx vertx, @TempDir Path dir) {
    var clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    var first = LocalDirectoryStore.open(vertx, config(dir), clock).await();
    var signed = first.url(KEY).await();
    assertThat(signed.expires()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
    var uri = URI.create(signed.url());
    assertThat(uri.getPath()).isEqualTo("/_thumbs/thumbs/" + KEY + ".jpg");
    var query = uri.getQuery().split("&");
    var expires = query[0].substring("expires=".length());
    var signature = query[1].substring("signature=".length());
    var restarted = LocalDirectoryStore.open(vertx, config(dir), clock).await();
    assertThat(restarted.verify("thumbs/" + KEY + ".jpg", expires, signature)).isEqualTo(UrlSigner.Verdict.VALID);
    assertThat(restarted.keyOf("thumbs/" + KEY + ".jpg")).isEqualTo(KEY);
  }

  @Test
  @DisplayName("object names that are not cache keys are not resolved to files")
  void rejectsForeignNames(Vertx vertx, @TempDir Path dir) {
    var store = LocalDirectoryStore.open(vertx, config(dir)).await();
    assertThat(store.keyOf("thumbs/../.url-secret")).isNull();
    assertThat(store.keyOf("thumbs/" + KEY.toUpperCase() + ".jpg")).isNull();
    assertThat(store.keyOf(KEY + ".jpg")).isNull();
  }
}
