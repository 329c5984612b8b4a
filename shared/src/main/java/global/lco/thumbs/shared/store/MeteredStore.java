package global.lco.thumbs.shared.store;

import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Supplier;

/**
 * Any {@link ThumbnailStore} with the duration and outcome of every call recorded as
 * {@code thumbs_store_calls} (op: exists, put, get, url). Keys never become tags.
 */
public final class MeteredStore implements ThumbnailStore {
  private final ThumbnailStore delegate;
  private final ThumbsMetrics metrics;

  public MeteredStore(ThumbnailStore delegate, ThumbsMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  /** The store underneath, for code that needs to know its kind (the local store's URL route). */
  public ThumbnailStore delegate() {
    return delegate;
  }

  /** The store underneath the metering and the remembered keys ({@code store} itself when neither wraps it). */
  public static ThumbnailStore unwrap(ThumbnailStore store) {
    ThumbnailStore inner = store instanceof MeteredStore metered ? metered.delegate : store;
    return inner instanceof KnownKeysStore known ? known.delegate() : inner;
  }

  @Override
  public Future<Boolean> exists(String key) {
    return timed("exists", () -> delegate.exists(key));
  }

  @Override
  public Future<Void> put(String key, Buffer jpeg) {
    return timed("put", () -> delegate.put(key, jpeg));
  }

  @Override
  public Future<Buffer> get(String key) {
    return timed("get", () -> delegate.get(key));
  }

  @Override
  public Future<SignedUrl> url(String key) {
    return timed("url", () -> delegate.url(key));
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }

  private <T> Future<T> timed(String op, Supplier<Future<T>> call) {
    long start = System.nanoTime();
    return call.get().andThen(done -> metrics.storeCall(op, done.succeeded(), System.nanoTime() - start));
  }
}
