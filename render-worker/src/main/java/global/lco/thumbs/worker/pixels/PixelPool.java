package global.lco.thumbs.worker.pixels;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The threads pixel work runs on (RENDER_THREADS of them): {@link RowBands} and the tile decoding
 * of one render use the pool that render was started {@link #running in}, so concurrent renders queue
 * their bands on it instead of each taking every core. Whoever creates a pool passes it to the
 * renders that should use it (a worker verticle its own, the command line and tests
 * {@link #shared()}) and closes it; nothing swaps a process-wide pool.
 */
public final class PixelPool implements AutoCloseable {
  private static final ThreadLocal<PixelPool> CURRENT = new ThreadLocal<>();
  private static final PixelPool SHARED = new PixelPool(Runtime.getRuntime().availableProcessors());

  private final ForkJoinPool threads;

  private PixelPool(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("a pixel pool needs at least one thread, got " + parallelism);
    }
    // Band tasks run on this pool's own threads, which therefore count as running in it (nested bands stay here).
    this.threads = new ForkJoinPool(parallelism, pool -> new ForkJoinWorkerThread(pool) {
      @Override
      protected void onStart() {
        super.onStart();
        CURRENT.set(PixelPool.this);
      }
    }, null, false);
  }

  /** A pool of its own with {@code threads} threads; the caller closes it. */
  public static PixelPool withThreads(int threads) {
    return new PixelPool(threads);
  }

  /** One thread per core, for renders nobody gave a pool (the command line, benchmarks, tests); never closed. */
  public static PixelPool shared() {
    return SHARED;
  }

  /** The pool of the render running on this thread, or {@link #shared()}. */
  public static PixelPool current() {
    var pool = CURRENT.get();
    return pool != null ? pool : SHARED;
  }

  /** Runs {@code work} on this thread with this pool as the {@link #current()} one. */
  public <T, E extends Exception> T running(Work<T, E> work) throws E {
    var previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Work that may throw, as {@link Callable} with a checked exception type of its own. */
  @FunctionalInterface
  public interface Work<T, E extends Exception> {
    T call() throws E;
  }

  public int parallelism() {
    return threads.getParallelism();
  }

  ForkJoinPool threads() {
    return threads;
  }

  /** Lets bands already submitted finish; the shared pool is never closed. */
  @Override
  public void close() {
    if (this != SHARED) {
      threads.shutdown();
    }
  }
}
