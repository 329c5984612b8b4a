package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.worker.pixels.PixelPool;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job from start to reply: skip it if the thumbnail is already stored (another gateway's
 * identical request may have finished it); reuse a stretched frame another size of it left in the
 * {@link FrameCache}, or wait for one being loaded; otherwise fetch the FITS (the three of a colour
 * job in parallel), render on the bounded pool within the memory budget, and store. The reply
 * always carries the JPEG; callers strip it when not wanted.
 */
public final class JobExecution {
  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);
  /** Longest a render waits for memory held by running renders before it is refused as busy. */
  static final long MEMORY_WAIT_MS = 5_000;

  private final FitsFetcher fetcher;
  private final WorkerExecutor renderPool;
  private final PixelPool pixels;
  private final RenderJobRunner runner;
  private final MemoryBudget budget;
  private final ThumbnailStore store;
  private final Duration downloadTimeout;
  private final String nodeId;
  private final FrameCache frames;
  private final WorkSlots slots;
  /** Mono frames being downloaded and stretched now, so a second size of the same frame waits for the first. */
  private final SingleFlight<FrameCache.Key, RenderReply> loading = new SingleFlight<>();

  /**
   * @param renderPool the threads renders run on (RENDER_CONCURRENCY of them)
   * @param pixels     the threads their pixel bands and tiles run on (RENDER_THREADS of them)
   * @param slots      jobs that may download and render at once (the rest wait, holding no file)
   */
  public JobExecution(FitsFetcher fetcher, WorkerExecutor renderPool, PixelPool pixels, RenderJobRunner runner,
                      MemoryBudget budget, WorkSlots slots,
                 ThumbnailStore store, Duration downloadTimeout, String nodeId, FrameCache frames) {
    this.frames = frames;
    this.slots = slots;
    this.pixels = pixels;
    this.fetcher = fetcher;
    this.renderPool = renderPool;
    this.runner = runner;
    this.budget = budget;
    this.store = store;
    this.downloadTimeout = downloadTimeout;
    this.nodeId = nodeId;
  }

  public Future<RenderReply> run(RenderJob job) {
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
    var key = job.color() || frames.capacityBytes() == 0 ? null : FrameCache.Key.of(job.frames().get(0), job.params());
    if (key == null) {
      return fetchRenderStore(job, null);
    }
    var pending = loading.running(key);
    if (pending != null) {
      // Whatever happens to the first job, look again: its frame is kept, or this job loads it.
      return pending.transform(done -> render(job));
    }
    var kept = frames.get(key);
    if (kept != null) {
      return renderPool.executeBlocking(() -> pixels.running(() -> runner.finish(kept, job.params())), false)
          .compose(rendered -> store(job, rendered, new LinkedHashMap<>(rendered.stageMillis())));
    }
    return loading.start(key, () -> fetchRenderStore(job, key));
  }

  /** Fetch, render and store; with a {@code key} the stretched frame is kept for other sizes. */
  private Future<RenderReply> fetchRenderStore(RenderJob job, FrameCache.Key key) {
    var stages = new LinkedHashMap<String, Long>();
    long queued = System.nanoTime();
    return slots.acquire().compose(slot -> {
      long fetchStart = System.nanoTime();
      stages.put("queued", (fetchStart - queued) / 1_000_000);
      return fetchAll(job)
          .compose(fits -> {
            stages.put("fetch", (System.nanoTime() - fetchStart) / 1_000_000);
            if (remaining(job) <= 0) {
              return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
            }
            return renderPool.executeBlocking(() -> pixels.running(() -> renderWithinBudget(fits, job, key)), false);
          })
          .andThen(done -> slots.release());
    })
        .compose(rendered -> {
          stages.putAll(rendered.stageMillis());
          return store(job, rendered, stages);
        });
  }

  /** The job's FITS files (three for colour, red first) downloaded in parallel; the first failure fails the job. */
  private Future<List<byte[]>> fetchAll(RenderJob job) {
    long timeoutMs = Math.min(downloadTimeout.toMillis(), remaining(job));
    var downloads = job.frames().stream().map(frame -> fetcher.fetch(frame.url(), timeoutMs)).toList();
    // A list the colour render may clear as it goes: each file is let go once its channel is decoded.
    return Future.all(downloads).map(all -> new ArrayList<byte[]>(downloads.stream().map(Future::result).toList()));
  }

  private RenderedJob renderWithinBudget(List<byte[]> fits, RenderJob job, FrameCache.Key key)
      throws InterruptedException {
    long need = job.color() ? runner.memoryNeeded(fits, job.params()) : runner.memoryNeeded(fits.get(0), job.params());
    if (!budget.canEverHold(need)) {
      throw Failure.TOO_LARGE.problem("Rendering this frame needs " + (need >> 20) + " MiB, more than a worker's"
          + " render memory budget of " + (budget.limit() >> 20) + " MiB");
    }
    // A render that does not fit beside the running ones waits for them; past that it is busy, never an OOM.
    if (!budget.reserve(need, Math.min(MEMORY_WAIT_MS, remaining(job)))) {
      throw Failure.BUSY.problem();
    }
    try {
      return job.color() ? runner.renderColour(fits, job.params())
          : runner.render(fits.get(0), job.params(), frame -> frames.put(key, frame));
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
