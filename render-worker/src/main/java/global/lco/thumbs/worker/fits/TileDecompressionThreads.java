package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.pixels.RowBands;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import nom.tam.fits.FitsFactory;
import org.slf4j.LoggerFactory;

/**
 * Makes nom-tam-fits decompress tiles on the render thread budget (RENDER_THREADS, the
 * {@link RowBands} pool) instead of its own private pool of 2 × cores threads, which would
 * oversubscribe the machine when several renders run. nom-tam offers no setter, so its static
 * pool field is set once by reflection; if that ever fails, its own pool is left in place.
 */
final class TileDecompressionThreads {
  private static final boolean INSTALLED = install();
  /** The tile tasks the current thread's decode has handed to the pool, while it runs in {@link #awaitingAll}. */
  private static final ThreadLocal<Outstanding> CURRENT = new ThreadLocal<>();

  private TileDecompressionThreads() {
  }

  /** Idempotent; called from the decoder before the first decode. */
  static boolean ensureInstalled() {
    return INSTALLED;
  }

  /**
   * Runs a nom-tam-fits decode and returns only when every tile task it started has finished. When
   * one tile fails, nom-tam-fits throws at once while the other tiles keep decoding on the pool;
   * waiting for them keeps a failed render's memory and threads inside the reservation it made.
   */
  static <T, E extends Exception> T awaitingAll(Decode<T, E> decode) throws E {
    var outstanding = new Outstanding();
    CURRENT.set(outstanding);
    try {
      return decode.run();
    } finally {
      CURRENT.remove();
      outstanding.awaitNone();
    }
  }

  /** A decode that may throw. */
  interface Decode<T, E extends Exception> {
    T run() throws E;
  }

  /** Tasks started and not yet finished. */
  private static final class Outstanding {
    private int running;

    synchronized void started() {
      running++;
    }

    synchronized void finished() {
      if (--running == 0) {
        notifyAll();
      }
    }

    synchronized void awaitNone() {
      boolean interrupted = false;
      while (running > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean install() {
    try {
      Field pool = FitsFactory.class.getDeclaredField("threadPool");
      pool.setAccessible(true);
      synchronized (FitsFactory.class) {
        pool.set(null, new RowBandsExecutor());
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LoggerFactory.getLogger(TileDecompressionThreads.class)
          .warn("nom-tam-fits keeps its own tile thread pool: {}", e.toString());
      return false;
    }
  }

  /** An executor view of the shared pool; it is never shut down through this view. */
  private static final class RowBandsExecutor extends AbstractExecutorService {
    @Override
    public void execute(Runnable command) {
      var outstanding = CURRENT.get();
      if (outstanding == null) {
        RowBands.execute(command);
        return;
      }
      outstanding.started();
      try {
        RowBands.execute(() -> {
          try {
            command.run();
          } finally {
            outstanding.finished();
          }
        });
      } catch (RuntimeException rejected) {
        outstanding.finished();
        throw rejected;
      }
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
      return false;
    }
  }
}
