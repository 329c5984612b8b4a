package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.render.RowBands;
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

  private TileDecompressionThreads() {
  }

  /** Idempotent; called from the decoder before the first decode. */
  static boolean ensureInstalled() {
    return INSTALLED;
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
      RowBands.execute(command);
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
