package global.lco.thumbs.shared.concurrency;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Identical work done once at a time: while work for a key runs, callers for the same key get the
 * same future instead of starting it again; the key is forgotten when the work completes. Used for
 * render jobs on a gateway and on a worker, and for frames being loaded on a worker.
 *
 * <p>Not thread-safe: confined to one event loop, as its users are.
 */
public final class SingleFlight<K, V> {
  private final Map<K, Future<V>> running = new HashMap<>();

  /** The work running for {@code key}, or null. */
  public Future<V> running(K key) {
    return running.get(key);
  }

  /**
   * Starts {@code work} for {@code key} (the caller has seen that none runs) and keeps its future
   * until it completes.
   */
  public Future<V> start(K key, Supplier<Future<V>> work) {
    var future = work.get();
    running.put(key, future);
    // Registered after the put, so work that has already completed is forgotten at once.
    future.onComplete(done -> running.remove(key, future));
    return future;
  }

  /** The running work for {@code key} if there is one, else {@code work} started. */
  public Future<V> join(K key, Supplier<Future<V>> work) {
    var same = running.get(key);
    return same != null ? same : start(key, work);
  }

  public int size() {
    return running.size();
  }

  public boolean isEmpty() {
    return running.isEmpty();
  }
}
