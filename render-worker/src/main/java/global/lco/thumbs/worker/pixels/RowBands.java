package global.lco.thumbs.worker.pixels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits the rows of an image into contiguous bands and runs a body per band on the current
 * render's {@link PixelPool}. Every pixel stage of the pipeline is row-separable, so bands are the
 * only parallel primitive the decode and render packages need.
 */
public final class RowBands {

  /** Below this many pixels the fork/join overhead outweighs the work, so bands run inline. */
  static final long INLINE_PIXELS = 256 * 1024;

  /** More bands than threads so a slow band (a cache miss storm, a descheduled core) does not stall the rest. */
  private static final int BANDS_PER_THREAD = 4;


  /** Work on rows {@code [fromRow, toRow)}; {@code band} is 0..{@link #count}−1, for per-band partial results. */
  @FunctionalInterface
  public interface Body {
    void run(int band, int fromRow, int toRow);
  }

  private RowBands() {
  }

  /**
   * Runs a task on the current render's pool; for libraries that take an executor (nom-tam-fits'
   * tile decompression), so they stay inside the same thread budget as the pixel stages.
   */
  public static void execute(Runnable task) {
    PixelPool.current().threads().execute(task);
  }

  public static int parallelism() {
    return PixelPool.current().parallelism();
  }

  /** Number of bands {@link #run} will use for this shape; callers size per-band accumulators with it. */
  public static int count(int rows, long pixelsPerRow) {
    if (rows <= 0) {
      return 0;
    }
    if ((long) rows * pixelsPerRow < INLINE_PIXELS) {
      return 1;
    }
    return Math.min(rows, parallelism() * BANDS_PER_THREAD);
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
    ForkJoinPool target = PixelPool.current().threads();
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
