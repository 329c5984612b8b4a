package global.lco.thumbs.gateway.archive;

import global.lco.thumbs.shared.cache.CacheKey;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A brief per-caller memory of archive lookups for IIIF tiles (docs/iiif.md): a viewer asks for dozens
 * of tiles a second, each of which would otherwise be one archive call with the same answer. Entries
 * are keyed by a SHA-256 of the caller's Authorization value (never the value itself) and the frame,
 * live at most {@code ttl}, and include lookups still running, so a burst of tiles costs one call.
 * Failures are not kept. A revoked token keeps access for up to the TTL: that is the price. Besides
 * frames, other per-caller answers (a colour composite's sibling lookup) are kept the same way
 * ({@link #remembered}).
 */
public final class CallerLookups {
  private record Entry(Future<?> lookup, long expiresNanos) {
  }

  private final Duration ttl;
  private final int capacity;
  private final LongSupplier clock;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public CallerLookups(Duration ttl, int capacity) {
    this(ttl, capacity, System::nanoTime);
  }

  CallerLookups(Duration ttl, int capacity, LongSupplier clock) {
    this.ttl = ttl;
    this.capacity = capacity;
    this.clock = clock;
  }

  /** The caller's lookup of {@code frame}, remembered for the TTL; {@code lookup} runs on a miss. */
  public Future<ArchiveFrame> lookup(String authorization, String frame, Supplier<Future<ArchiveFrame>> lookup) {
    return remembered(authorization, "frame " + frame, ArchiveFrame.class, lookup);
  }

  /**
   * The caller's answer to {@code what}, remembered for the TTL; {@code lookup} runs on a miss. A
   * {@code what} names one kind of answer, of {@code type}, whoever asks (frames are {@code "frame …"}).
   */
  public synchronized <T> Future<T> remembered(String authorization, String what, Class<T> type,
                                                Supplier<Future<T>> lookup) {
    if (ttl.isZero()) {
      return lookup.get();
    }
    long now = clock.getAsLong();
    var key = CacheKey.sha256Hex(authorization == null ? "-" : "+" + authorization) + " " + what;
    var kept = entries.get(key);
    if (kept != null && kept.expiresNanos - now > 0) {
      return kept.lookup.map(type::cast);
    }
    var fresh = lookup.get();
    var entry = new Entry(fresh, now + ttl.toNanos());
    entries.remove(key);
    entries.put(key, entry);
    fresh.onFailure(err -> forget(key, entry));
    trim(now);
    return fresh;
  }

  public synchronized int size() {
    return entries.size();
  }

  private synchronized void forget(String key, Entry entry) {
    entries.remove(key, entry);
  }

  /** Drops expired entries from the oldest end, then the oldest beyond the capacity. */
  private void trim(long now) {
    var oldest = entries.values().iterator();
    while (oldest.hasNext()) {
      var e = oldest.next();
      if (entries.size() > capacity || e.expiresNanos - now <= 0) {
        oldest.remove();
      } else {
        break;
      }
    }
  }
}
