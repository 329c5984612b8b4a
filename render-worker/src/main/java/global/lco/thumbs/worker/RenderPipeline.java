package global.lco.thumbs.worker;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.job.MemoryBudget;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.job.RenderedJob;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job from start to reply: skip it if the thumbnail is already stored (another gateway's
 * identical request may have finished it), fetch the FITS, render on the bounded pool within the
 * memory budget, store. The reply always carries the JPEG; callers strip it when not wanted.
 */
final class RenderPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(RenderPipeline.class);

  private final FitsFetcher fetcher;
  private final WorkerExecutor renderPool;
  private final RenderJobRunner runner;
  private final MemoryBudget budget;
  private final ThumbnailStore store;
  private final Duration downloadTimeout;
  private final String nodeId;

  RenderPipeline(FitsFetcher fetcher, WorkerExecutor renderPool, RenderJobRunner runner, MemoryBudget budget,
                 ThumbnailStore store, Duration downloadTimeout, String nodeId) {
    this.fetcher = fetcher;
    this.renderPool = renderPool;
    this.runner = runner;
    this.budget = budget;
    this.store = store;
    this.downloadTimeout = downloadTimeout;
    this.nodeId = nodeId;
  }

  Future<RenderReply> run(RenderJob job) {
    if (job.color()) {
      return Future.failedFuture(new Problem(Failure.INTERNAL, 501,
          "Colour thumbnails are not available in this version of the service"));
    }
    return store.exists(job.cacheKey())
        .otherwise(false)
        .compose(stored -> stored ? alreadyStored(job) : render(job));
  }

  private Future<RenderReply> alreadyStored(RenderJob job) {
    return store.get(job.cacheKey())
        .map(bytes -> new RenderReply(job.cacheKey(), 0, 0, bytes.getBytes(), true, Map.of("cached", 0L), nodeId))
        .recover(gone -> render(job));
  }

  private Future<RenderReply> render(RenderJob job) {
    var stages = new LinkedHashMap<String, Long>();
    var frame = job.frames().get(0);
    long fetchStart = System.nanoTime();
    return fetcher.fetch(frame.url(), Math.min(downloadTimeout.toMillis(), remaining(job)))
        .compose(fits -> {
          stages.put("fetch", (System.nanoTime() - fetchStart) / 1_000_000);
          if (remaining(job) <= 0) {
            return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
          }
          return renderPool.executeBlocking(() -> renderWithinBudget(fits.getBytes(), job), false);
        })
        .compose(rendered -> {
          stages.putAll(rendered.stageMillis());
          return store(job, rendered, stages);
        });
  }

  private RenderedJob renderWithinBudget(byte[] fits, RenderJob job) {
    long need = runner.memoryNeeded(fits);
    if (!budget.tryReserve(need)) {
      throw Failure.BUSY.problem();
    }
    try {
      return runner.render(fits, job.params());
    } finally {
      budget.release(need);
    }
  }

  /** Stores the JPEG; if the store refuses, the bytes still go back so an image request can be answered. */
  private Future<RenderReply> store(RenderJob job, RenderedJob rendered, Map<String, Long> stages) {
    long putStart = System.nanoTime();
    return store.put(job.cacheKey(), Buffer.buffer(rendered.jpeg()))
        .map(true)
        .otherwise(err -> {
          LOG.warn("request={} store put failed: {}", job.requestId(), err.toString());
          return false;
        })
        .map(stored -> {
          stages.put("store", (System.nanoTime() - putStart) / 1_000_000);
          return new RenderReply(job.cacheKey(), rendered.width(), rendered.height(), rendered.jpeg(), stored, stages,
              nodeId);
        });
  }

  private static long remaining(RenderJob job) {
    return job.deadlineMs() - System.currentTimeMillis();
  }
}
