package global.lco.thumbs.worker.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits the rows of an image into contiguous bands and runs a body per band on one shared
 * {@link ForkJoinPool}. Every pixel stage of the pipeline is row-separable, so bands are the only
 * parallel primitive the render package needs.
 */
public final class RowBands {

  /** Below this many pixels the fork/join overhead outweighs the work, so bands run inline. */
  static final long INLINE_PIXELS = 256 * 1024;

  /** More bands than threads so a slow band (a cache miss storm, a descheduled core) does not stall the rest. */
  private static final int BANDS_PER_THREAD = 4;

  private static volatile ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

  /** Work on rows {@code [fromRow, toRow)}; {@code band} is 0..{@link #count}−1, for per-band partial results. */
  @FunctionalInterface
  public interface Body {
    void run(int band, int fromRow, int toRow);
  }

  private RowBands() {
  }

  /**
   * Sets the number of worker threads; meant to be called once at process start. A pool replaced
   * here is shut down gracefully, so bands already submitted to it still finish.
   */
  public static synchronized void configure(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    ForkJoinPool old = pool;
    if (old.getParallelism() == threads) {
      return;
    }
    pool = new ForkJoinPool(threads);
    old.shutdown();
  }

  /**
   * Runs a task on the shared pool; for libraries that take an executor (nom-tam-fits' tile
   * decompression), so they stay inside the same thread budget as the pixel stages.
   */
  public static void execute(Runnable task) {
    pool.execute(task);
  }

  public static int parallelism() {
    return pool.getParallelism();
  }

  /** Number of bands {@link #run} will use for this shape; callers size per-band accumulators with it. */
  public static int count(int rows, long pixelsPerRow) {
    if (rows <= 0) {
      return 0;
    }
    if ((long) rows * pixelsPerRow < INLINE_PIXELS) {
      return 1;
    }
    return Math.min(rows, pool.getParallelism() * BANDS_PER_THREAD);
  }

  /** Runs {@code body} over {@code [0, rows)} split into {@link #count} bands and waits for all of them. */
  public static void run(int rows, long pixelsPerRow, Body body) {
    int bands = count(rows, pixelsPerRow);
    if (bands == 0) {
      return;
    }
    if (bands == 1) {
      body.run(0, 0, rows);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>(bands);
    for (int b = 0; b < bands; b++) {
      int from = (int) ((long) rows * b / bands);
      int to = (int) ((long) rows * (b + 1) / bands);
      int band = b;
      tasks.add(ForkJoinTask.adapt(() -> body.run(band, from, to)));
    }
    ForkJoinPool target = pool;
    for (ForkJoinTask<?> task : tasks) {
      target.execute(task);
    }
    // Every band is waited for before the first failure is rethrown: a failed decode must not leave
    // bands running (and allocating) after its caller has released the memory reserved for it.
    RuntimeException failure = null;
    for (ForkJoinTask<?> task : tasks) {
      try {
        task.join();
      } catch (RuntimeException failed) {
        failure = failure == null ? failed : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
