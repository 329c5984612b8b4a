package global.lco.thumbs.shared.health;

import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Whether the thumbnail store answers: {@code exists} of a fixed key that is never written, so
 * the probe costs one HEAD (or one stat) and its answer, found or not, proves the store reachable.
 * The outcome is kept for {@link #DEFAULT_TTL} so frequent readiness checks do not load the store.
 * Confined to one event loop.
 */
public final class StoreProbe {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
  /** Longest a probe may take before the store counts as unreachable. */
  public static final Duration TIMEOUT = Duration.ofSeconds(3);
  /** Shaped like a cache key (a SHA-256 in hex) so every store accepts it; no render hashes to all zeros. */
  static final String PROBE_KEY = "0".repeat(64);

  private final ThumbnailStore store;
  private final long ttlNanos;
  private long checkedAt;
  private boolean reachable;
  private Future<Boolean> pending;

  public StoreProbe(ThumbnailStore store, Duration ttl) {
    this.store = store;
    this.ttlNanos = ttl.toNanos();
  }

  /** True when the last probe, at most the TTL old, reached the store; probes again otherwise. */
  public Future<Boolean> reachable() {
    if (pending != null) {
      return pending;
    }
    if (checkedAt != 0 && System.nanoTime() - checkedAt < ttlNanos) {
      return Future.succeededFuture(reachable);
    }
    // compose: a store that throws instead of failing its future still counts as unreachable.
    pending = Future.succeededFuture().compose(start -> store.exists(PROBE_KEY))
        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .map(found -> true)
        .otherwise(false)
        .andThen(done -> {
          reachable = done.result();
          checkedAt = System.nanoTime();
          pending = null;
        });
    return pending;
  }
}
