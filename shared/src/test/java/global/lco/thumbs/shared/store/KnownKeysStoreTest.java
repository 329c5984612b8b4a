package global.lco.thumbs.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KnownKeysStoreTest {

  /** A store in a map that counts the exists calls that reach it. */
  static final class MapStore implements ThumbnailStore {
    final Map<String, Buffer> objects = new HashMap<>();
    int existsCalls;

    @Override
    public Future<Boolean> exists(String key) {
      existsCalls++;
      return Future.succeededFuture(objects.containsKey(key));
    }

    @Override
    public Future<Void> put(String key, Buffer jpeg) {
      objects.put(key, jpeg);
      return Future.succeededFuture();
    }

    @Override
    public Future<Buffer> get(String key) {
      var bytes = objects.get(key);
      return bytes == null ? Future.failedFuture("no such key") : Future.succeededFuture(bytes);
    }

    @Override
    public Future<SignedUrl> url(String key) {
      return Future.succeededFuture(new SignedUrl("http://store/" + key, Instant.EPOCH));
    }
  }

  private final MapStore inner = new MapStore();
  private final AtomicLong now = new AtomicLong();
  private final KnownKeysStore store = new KnownKeysStore(inner, 2, Duration.ofSeconds(60), now::get);

  @Test
  @DisplayName("A key this node stored, or was told exists, is answered without asking the store again")
  void rememberedKeysSkipTheStore() {
    store.put("a", Buffer.buffer("jpeg")).await();
    assertThat(store.exists("a").await()).isTrue();
    inner.objects.put("b", Buffer.buffer("other node's"));
    assertThat(store.exists("b").await()).isTrue();
    assertThat(store.exists("b").await()).isTrue();
    assertThat(inner.existsCalls).as("only b's first lookup reached the store").isEqualTo(1);
  }

  @Test
  @DisplayName("A missing key is asked about every time: only keys seen stored are remembered")
  void missingKeysAreNotRemembered() {
    assertThat(store.exists("x").await()).isFalse();
    assertThat(store.exists("x").await()).isFalse();
    assertThat(inner.existsCalls).isEqualTo(2);
  }

  @Test
  @DisplayName("A remembered key is asked about again after the maximum age, and forgotten when reading it fails")
  void expiryAndFailedReads() {
    store.put("a", Buffer.buffer("jpeg")).await();
    now.addAndGet(Duration.ofSeconds(61).toNanos());
    inner.objects.remove("a");
    assertThat(store.exists("a").await()).as("deleted behind our back, noticed after max age").isFalse();

    store.put("b", Buffer.buffer("jpeg")).await();
    inner.objects.remove("b");
    assertThat(store.get("b").failed()).isTrue();
    assertThat(store.exists("b").await()).as("forgotten after the failed read").isFalse();
  }

  @Test
  @DisplayName("At most the capacity of keys is kept, the least recently used going first")
  void boundedLeastRecentlyUsed() {
    store.put("a", Buffer.buffer("1")).await();
    store.put("b", Buffer.buffer("2")).await();
    assertThat(store.exists("a").await()).isTrue();
    store.put("c", Buffer.buffer("3")).await();
    assertThat(store.size()).isEqualTo(2);
    int before = inner.existsCalls;
    assertThat(store.exists("a").await()).isTrue();
    assertThat(store.exists("c").await()).isTrue();
    assertThat(inner.existsCalls).as("a and c are still remembered").isEqualTo(before);
    assertThat(store.exists("b").await()).isTrue();
    assertThat(inner.existsCalls).as("b was pushed out, so the store was asked").isEqualTo(before + 1);
  }
}
