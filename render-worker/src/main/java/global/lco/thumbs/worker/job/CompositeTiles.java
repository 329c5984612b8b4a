package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.PixelPool;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.render.colour.Channel;
import global.lco.thumbs.worker.render.colour.ColourRenderer;
import global.lco.thumbs.worker.tile.ColourTileRenderer;
import global.lco.thumbs.worker.tile.RgbFrame;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IIIF jobs on a colour composite (docs/iiif.md): the composite is built once at full resolution (its
 * three frames fetched in parallel, stretched, registered and stacked exactly as for a colour
 * thumbnail), kept in the {@link FrameCache}, and every size-only job and tile of it is then cut from
 * the kept planes. A second job for a composite being built waits for that build.
 */
final class CompositeTiles {
  /**
   * Heap a build holds once its channels are stretched, in bytes a pixel of the largest frame: the
   * three stretched planes (3), the common area registration crops from them (3), green and blue
   * moved below a pixel (2) and one plane turned at a time (1), with room for one more plane (2):
   * about 190 MB for three 4k frames. The channels' decoding ({@link RenderJobRunner#memoryNeeded(List,
   * RenderParams)}, one channel's floats at a time) is over before this starts.
   */
  static final long BUILD_BYTES_PER_PIXEL = 11;

  private final JobFiles files;
  private final WorkerExecutor renderPool;
  private final PixelPool pixels;
  private final RenderJobRunner runner;
  private final MemoryBudget budget;
  private final WorkSlots slots;
  private final FrameCache cache;
  /** Composites being built now; event-loop confined, as {@link SingleFlight} must be. */
  private final SingleFlight<FrameCache.CompositeKey, Built> building = new SingleFlight<>();

  /** A composite and what building it cost, stage by stage. */
  private record Built(RgbFrame composite, Map<String, Long> stages) {
  }

  CompositeTiles(JobFiles files, WorkerExecutor renderPool, PixelPool pixels, RenderJobRunner runner,
                 MemoryBudget budget, WorkSlots slots, FrameCache cache) {
    this.files = files;
    this.renderPool = renderPool;
    this.pixels = pixels;
    this.runner = runner;
    this.budget = budget;
    this.slots = slots;
    this.cache = cache;
  }

  /** The tile (or, size-only, the composite's dimensions) a colour job with {@code params.tile()} asks for. */
  Future<RenderedJob> render(RenderJob job) {
    var key = cache.capacityBytes() == 0 ? null : FrameCache.CompositeKey.of(job.frames(), job.params());
    if (key == null) {
      return build(job).compose(built -> finish(job, built.composite(), built.stages()));
    }
    var kept = cache.get(key);
    if (kept != null) {
      return finish(job, kept, Map.of("compositeReused", 0L));
    }
    var pending = building.running(key);
    if (pending != null) {
      // Every job waiting for a composite shares its outcome (a refusal as busy too: the gateway retries).
      return pending.compose(built -> finish(job, built.composite(), Map.of("compositeAwaited", 0L)));
    }
    return building.start(key, () -> build(job).onSuccess(built -> cache.put(key, built.composite())))
        .compose(built -> finish(job, built.composite(), built.stages()));
  }

  /**
   * Downloads and builds holding every one of the worker's work slots: the three files (57 MB for
   * 4k frames) are heap outside the render budget until the build reserves it, and the build then
   * takes most of the budget, so nothing else may download or render beside it (measured: eight
   * composites asked at once with one slot each ran a 320 MiB worker out of memory). A build is
   * about half a second, once per composite per worker.
   */
  private Future<Built> build(RenderJob job) {
    var stages = new LinkedHashMap<String, Long>();
    long queued = System.nanoTime();
    return slots.acquireAll().compose(held -> {
      stages.put("queued", (System.nanoTime() - queued) / 1_000_000);
      return fetchAndBuild(job, stages).andThen(done -> slots.releaseAll());
    });
  }

  private Future<Built> fetchAndBuild(RenderJob job, Map<String, Long> stages) {
    long fetchStart = System.nanoTime();
    return files.fetch(job).compose(fits -> {
      stages.put("fetch", (System.nanoTime() - fetchStart) / 1_000_000);
      if (job.remainingMs() <= 0) {
        return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
      }
      return renderPool.executeBlocking(() -> pixels.running(() -> buildWithinBudget(fits, job, stages)),
          false);
    });
  }

  private Built buildWithinBudget(List<byte[]> fits, RenderJob job, Map<String, Long> stages)
      throws InterruptedException {
    var params = job.params();
    long need = memoryNeeded(fits, params);
    budget.requireCanEverHold(need, "Building this colour composite");
    if (!budget.reserve(need, Math.min(JobExecution.MEMORY_WAIT_MS, job.remainingMs()))) {
      throw Failure.BUSY.problem();
    }
    try {
      var timer = new StageTimer();
      List<Channel> channels = timer.stage("channels", () -> runner.channels(fits, params));
      var registered = ColourRenderer.register(channels.get(0), channels.get(1), channels.get(2), params, timer);
      var composite = RgbFrame.of(ColourRenderer.fullResolution(registered, timer));
      stages.putAll(timer.stages());
      return new Built(composite, stages);
    } finally {
      budget.release(need);
    }
  }

  /** The channels' decoding, or {@link #BUILD_BYTES_PER_PIXEL} for each pixel of the largest frame if more. */
  long memoryNeeded(List<byte[]> fits, RenderParams params) {
    return Math.max(runner.memoryNeeded(fits, params), BUILD_BYTES_PER_PIXEL * runner.largestPixels(fits));
  }

  private Future<RenderedJob> finish(RenderJob job, RgbFrame composite, Map<String, Long> before) {
    var params = job.params();
    var tile = params.tile();
    if (tile.sizeOnly()) {
      return Future.succeededFuture(new RenderedJob(new byte[0], composite.width(), composite.height(), before));
    }
    return renderPool.executeBlocking(() -> pixels.running(() -> {
      var timer = new StageTimer();
      Picture picture = timer.stage("tile", () -> ColourTileRenderer.render(composite, tile));
      byte[] encoded = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
      var stages = new LinkedHashMap<>(before);
      stages.putAll(timer.stages());
      return new RenderedJob(encoded, picture.width(), picture.height(), stages);
    }), false);
  }
}
