package global.lco.thumbs.shared.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Any {@link ThumbnailStore}, remembering the keys this node has seen stored (a put that succeeded,
 * an exists that said yes) so a stored hit does not ask the store again: for the local store that
 * saves a trip to a worker thread, for S3 a HEAD request. Keys are content-addressed (renderer,
 * frame version, parameters), so what is stored under a key never changes; only a deletion behind
 * the service's back (a bucket lifecycle rule, a cleaned directory) could make a remembered key
 * wrong, so keys are forgotten after {@code maxAge}, and at once when reading one fails. At most
 * {@code capacity} keys are kept, the least recently used dropped first (100 000 keys take about
 * 20 MB of heap).
 */
public final class KnownKeysStore implements ThumbnailStore {
  public static final int DEFAULT_CAPACITY = 100_000;
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  private final ThumbnailStore delegate;
  private final int capacity;
  private final long maxAgeNanos;
  private final LongSupplier nanoClock;
  /** Key → when it was last seen stored; access order, eldest first. */
  private final LinkedHashMap<String, Long> known = new LinkedHashMap<>(1024, 0.75f, true);

  public KnownKeysStore(ThumbnailStore delegate) {
    this(delegate, DEFAULT_CAPACITY, DEFAULT_MAX_AGE, System::nanoTime);
  }

  KnownKeysStore(ThumbnailStore delegate, int capacity, Duration maxAge, LongSupplier nanoClock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.delegate = delegate;
    this.capacity = capacity;
    this.maxAgeNanos = maxAge.toNanos();
    this.nanoClock = nanoClock;
  }

  /** The store underneath. */
  public ThumbnailStore delegate() {
    return delegate;
  }

  @Override
  public Future<Boolean> exists(String key) {
    if (isKnown(key)) {
      return Future.succeededFuture(true);
    }
    return delegate.exists(key).andThen(done -> {
      if (done.succeeded() && done.result()) {
        remember(key);
      }
    });
  }

  @Override
  public Future<Void> put(String key, Buffer jpeg) {
    return delegate.put(key, jpeg).andThen(done -> {
      if (done.succeeded()) {
        remember(key);
      }
    });
  }

  @Override
  public Future<Buffer> get(String key) {
    return delegate.get(key).andThen(done -> {
      if (done.failed()) {
        forget(key);
      }
    });
  }

  @Override
  public Future<SignedUrl> url(String key) {
    return delegate.url(key);
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }

  /** Keys remembered now (expired ones included until they are looked up or pushed out). */
  public synchronized int size() {
    return known.size();
  }

  private synchronized boolean isKnown(String key) {
    Long seen = known.get(key);
    if (seen == null) {
      return false;
    }
    if (nanoClock.getAsLong() - seen > maxAgeNanos) {
      known.remove(key);
      return false;
    }
    return true;
  }

  private synchronized void remember(String key) {
    known.put(key, nanoClock.getAsLong());
    if (known.size() > capacity) {
      Iterator<Map.Entry<String, Long>> eldest = known.entrySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  private synchronized void forget(String key) {
    known.remove(key);
  }
}
