package global.lco.thumbs.shared.store;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;

/**
 * Where rendered thumbnails live, keyed by cache key. Implementations never block an event loop:
 * every method completes its future on the caller's context.
 */
public interface ThumbnailStore {

  /** Whether a thumbnail is stored under {@code key}. */
  Future<Boolean> exists(String key);

  /** Stores {@code jpeg} (or PNG, {@link ObjectNames#contentType}) under {@code key}; overwriting is harmless. */
  Future<Void> put(String key, Buffer jpeg);

  /** The stored bytes; fails when absent. */
  Future<Buffer> get(String key);

  /** A time-limited URL that lets anyone holding it GET the thumbnail until {@code expires}. */
  Future<SignedUrl> url(String key);

  /** Releases clients and threads. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }

  /** A presigned (or HMAC-signed) URL and its expiry. */
  record SignedUrl(String url, Instant expires) {
  }
}
