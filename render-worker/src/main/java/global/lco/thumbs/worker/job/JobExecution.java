package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.cutout.SkyLevel;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.worker.pixels.PixelPool;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
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

  private final WorkerExecutor renderPool;
  private final PixelPool pixels;
  private final WorkerExecutor warmPool;
  private final RenderJobRunner runner;
  private final MemoryBudget budget;
  private final ThumbnailStore store;
  private final Duration downloadTimeout;
  private final String nodeId;
  private final FrameCache frames;
  private Supplier<Future<Void>> usersIdle = Future::succeededFuture;
  private final HeaderSize headers;
  private final WorkSlots slots;
  private final JobFiles files;
  private final CompositeTiles composites;
  /** Mono frames being downloaded and stretched now, so a second size of the same frame waits for the first. */
  private final SingleFlight<FrameCache.Key, RenderReply> loading = new SingleFlight<>();

  /**
   * @param renderPool the threads user renders run on (RENDER_CONCURRENCY of them)
   * @param warmPool   where warm jobs render, so a user job never waits in {@code renderPool}'s queue behind one
   * @param pixels     the threads their pixel bands and tiles run on (RENDER_THREADS of them)
   * @param slots      user jobs that may download and render at once (the rest wait, holding no file)
   */
  public JobExecution(FitsFetcher fetcher, WorkerExecutor renderPool, WorkerExecutor warmPool, PixelPool pixels,
                      RenderJobRunner runner, MemoryBudget budget, WorkSlots slots, ThumbnailStore store, Duration downloadTimeout,
                      String nodeId, FrameCache frames) {
    this.frames = frames;
    this.headers = new HeaderSize(fetcher, runner.limits());
    this.slots = slots;
    this.files = new JobFiles(fetcher, downloadTimeout);
    this.composites = new CompositeTiles(files, renderPool, pixels, runner, budget, slots, frames);
    this.pixels = pixels;
    this.renderPool = renderPool;
    this.warmPool = warmPool;
    this.runner = runner;
    this.budget = budget;
    this.store = store;
    this.downloadTimeout = downloadTimeout;
    this.nodeId = nodeId;
  }

  /** Where a warm job waits, after its download, until no user job is admitted ({@link JobAdmission#usersIdle}). */
  public JobExecution warmWaitsFor(Supplier<Future<Void>> usersIdle) {
    this.usersIdle = usersIdle;
    return this;
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
    if (job.color() && job.params().tile() != null) {
      // IIIF on a colour composite: cut from the kept full-resolution composite (docs/iiif.md).
      return composites.render(job).compose(rendered -> store(job, rendered, new LinkedHashMap<>(rendered.stageMillis())));
    }
    boolean sizeOnly = !job.color() && job.params().tile() != null && job.params().tile().sizeOnly();
    return render(job, sizeOnly);
  }

  /** With {@code headersFirst}, a frame neither kept nor loading has its size read from its headers if it can be. */
  private Future<RenderReply> render(RenderJob job, boolean headersFirst) {
    var key = job.color() || frames.capacityBytes() == 0 ? null : FrameCache.Key.of(job.frames().get(0), job.params());
    if (key == null) {
      return headersFirst ? sizeFromHeaders(job) : fetchRenderStore(job, null);
    }
    var pending = loading.running(key);
    if (pending != null) {
      // Whatever happens to the first job, look again: its frame is kept, or this job loads it.
      return pending.transform(done -> render(job, false));
    }
    var kept = frames.get(key);
    if (kept != null) {
      return pool(job).executeBlocking(() -> pixels.running(() -> runner.finish(kept, job.params())), false)
          .compose(rendered -> store(job, rendered, new LinkedHashMap<>(rendered.stageMillis())));
    }
    if (headersFirst) {
      return sizeFromHeaders(job);
    }
    return loading.start(key, () -> fetchRenderStore(job, key));
  }

  /** A size-only job answered from the FITS headers (range requests), else as any other job. */
  private Future<RenderReply> sizeFromHeaders(RenderJob job) {
    long start = System.nanoTime();
    return headers.of(job.frames().get(0).url(), job.params(), Math.min(downloadTimeout.toMillis(), job.remainingMs()))
        .compose(size -> size.isEmpty() ? render(job, false)
            : Future.succeededFuture(new RenderReply(job.cacheKey(), size.get().width(), size.get().height(), null,
                false, Map.of("headers", (System.nanoTime() - start) / 1_000_000), nodeId)));
  }

  /** Fetch, render and store; with a {@code key} the stretched frame is kept for other sizes. */
  private Future<RenderReply> fetchRenderStore(RenderJob job, FrameCache.Key key) {
    var stages = new LinkedHashMap<String, Long>();
    long queued = System.nanoTime();
    // Warm jobs take no slot: the warm lane admits one at a time, and one waiting for idle users
    // must not hold a slot a user job needs.
    var slot = job.warm() ? Future.<Void>succeededFuture() : slots.acquire();
    return slot.compose(held -> {
      long fetchStart = System.nanoTime();
      stages.put("queued", (fetchStart - queued) / 1_000_000);
      var rendered = files.fetch(job)
          .compose(fits -> job.warm() ? usersIdle.get().map(fits) : Future.succeededFuture(fits))
          .compose(fits -> {
            stages.put("fetch", (System.nanoTime() - fetchStart) / 1_000_000);
            if (job.remainingMs() <= 0) {
              return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
            }
            return pool(job).executeBlocking(() -> pixels.running(() -> renderWithinBudget(fits, job, key)), false);
          });
      return job.warm() ? rendered : rendered.andThen(done -> slots.release());
    })
        .compose(rendered -> {
          stages.putAll(rendered.stageMillis());
          return store(job, rendered, stages);
        });
  }

  private RenderedJob renderWithinBudget(List<byte[]> fits, RenderJob job, FrameCache.Key key)
      throws InterruptedException {
    long need = job.color() ? runner.memoryNeeded(fits, job.params()) : runner.memoryNeeded(fits.get(0), job.params());
    budget.requireCanEverHold(need, "Rendering this frame");
    // A warm render keeps half the budget free for user renders (one larger than half runs only on an empty
    // budget) and never waits; a user render that does not fit beside the running ones waits for them, and
    // past that it is busy, never an OutOfMemoryError.
    if (!(job.warm() ? budget.tryReserve(need, Math.max(budget.limit() / 2, need))
        : budget.reserve(need, Math.min(MEMORY_WAIT_MS, job.remainingMs())))) {
      throw Failure.BUSY.problem();
    }
    try {
      if (job.params().cutout() != null) {
        // Seeded by the pixel version: the same cutout of the same frame is the same bytes, so it can be cached.
        return runner.cutout(fits.get(0), job.params(), SkyLevel.seedOf(job.frames().get(0).version()));
      }
      return job.color() ? runner.renderColour(fits, job.params())
          : runner.render(fits.get(0), job.params(), frame -> frames.put(key, frame));
    } finally {
      budget.release(need);
    }
  }

  /** Stores the JPEG; if the store refuses, the bytes still go back so an image request can be answered. */
  private Future<RenderReply> store(RenderJob job, RenderedJob rendered, Map<String, Long> stages) {
    if (job.params().tile() != null && job.params().tile().sizeOnly()) {
      // A size-only request has no picture to keep: its answer is the dimensions.
      return Future.succeededFuture(new RenderReply(job.cacheKey(), rendered.width(), rendered.height(), null, false,
          stages, nodeId));
    }
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

  private WorkerExecutor pool(RenderJob job) {
    return job.warm() ? warmPool : renderPool;
  }

}
