package global.lco.thumbs.gateway.warm;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.colour.ColourSet;
import global.lco.thumbs.gateway.colour.SiblingLookup;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.shared.cache.CacheKey;
import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.Lane;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * Renders a new frame's thumbnails before anyone asks, through the path a request takes: archive
 * lookup (with the service token), the request's validation, the cache key of each parameter set,
 * the store lookup, and a render job, in the warm lane, for each key not stored yet. When the frame
 * completes its request's colour set (it is one of the three frames a colour request would now
 * pick), the colour thumbnails are rendered too. Fails only with what is worth another try or a
 * dead letter; a frame that needs no thumbnail is a result, not a failure. Confined to the
 * listener's event loop.
 */
public final class FrameWarmer {
  private final ArchiveClient archive;
  private final SiblingLookup siblings;
  private final FrameValidator validator;
  private final ThumbnailStore store;
  private final RenderDispatcher dispatcher;
  private final WarmConfig config;
  /** Frames being warmed now: a duplicate announcement waits for the first instead of rendering again. */
  private final SingleFlight<Long, WarmResult> warming = new SingleFlight<>();

  public FrameWarmer(ArchiveClient archive, FrameValidator validator, ThumbnailStore store, RenderDispatcher dispatcher,
              WarmConfig config) {
    this.archive = archive;
    this.siblings = new SiblingLookup(archive);
    this.validator = validator;
    this.store = store;
    this.dispatcher = dispatcher;
    this.config = config;
  }

  public Future<WarmResult> warm(long frameId) {
    var first = warming.running(frameId);
    if (first != null) {
      // What the first one rendered is stored once both are settled.
      return first.map(result -> result.outcome().equals(WarmResult.RENDERED)
          ? WarmResult.nothing(WarmResult.ALREADY_STORED) : result);
    }
    return warming.start(frameId, () -> lookUpAndWarm(frameId));
  }

  private Future<WarmResult> lookUpAndWarm(long frameId) {
    var requestId = "warm-" + frameId;
    return archive.frameById(frameId, config.authorization())
        .compose(frame -> warm(frame, requestId), err -> isNotFound(err)
            ? Future.succeededFuture(WarmResult.nothing(WarmResult.GONE)) : Future.failedFuture(err));
  }

  private Future<WarmResult> warm(ArchiveFrame frame, String requestId) {
    var invalid = validator.check(frame, false);
    if (invalid.isPresent()) {
      // The archive lists no downloadable version: nothing to render, now or later.
      return Future.succeededFuture(WarmResult.nothing(isNotFound(invalid.get()) ? WarmResult.GONE : WarmResult.NOT_NEEDED));
    }
    var mono = List.of(new FrameSource(frame.id(), frame.pixelVersion(), frame.filename(), frame.url()));
    return renderMissing(mono, requestId)
        .compose(monoRendered -> colour(frame, requestId).map(colourRendered -> WarmResult.of(monoRendered, colourRendered)));
  }

  private Future<Integer> colour(ArchiveFrame frame, String requestId) {
    if (!config.colour() || validator.check(frame, true).isPresent()) {
      return Future.succeededFuture(0);
    }
    return siblings.colourSet(frame.requestId(), config.authorization())
        .map(set -> completedBy(set, frame) ? set : null)
        .recover(err -> err instanceof Problem p && p.failure() == Failure.COLOR_FRAMES_NOT_FOUND
            ? Future.succeededFuture(null) : Future.failedFuture(err))
        .compose(set -> set == null ? Future.succeededFuture(0) : renderMissing(set.sources(), requestId));
  }

  /** Whether this frame is one the colour set now takes: an earlier frame already warmed a set that does not change. */
  private static boolean completedBy(ColourSet set, ArchiveFrame frame) {
    return set.red().id() == frame.id() || set.green().id() == frame.id() || set.blue().id() == frame.id();
  }

  /** Renders every parameter set whose thumbnail of {@code frames} is not stored yet, one after another. */
  private Future<Integer> renderMissing(List<FrameSource> frames, String requestId) {
    Future<Integer> rendered = Future.succeededFuture(0);
    for (var params : config.thumbnails()) {
      rendered = rendered.compose(count -> {
        var key = CacheKey.of(frames, params);
        return store.exists(key)
            .recover(err -> Future.failedFuture(Failure.STORE_UNAVAILABLE.problem()))
            .compose(stored -> stored ? Future.succeededFuture(count) : render(frames, params, key, requestId)
                .map(count + 1));
      });
    }
    return rendered;
  }

  private Future<Void> render(List<FrameSource> frames, RenderParams params, String key, String requestId) {
    long deadline = System.currentTimeMillis() + config.renderTimeout().toMillis();
    var job = new RenderJob(requestId, key, frames, params, deadline, false, Lane.WARM);
    // Acknowledged only once stored: a render whose store put failed is worth another try.
    return dispatcher.render(job).compose(reply -> reply.stored() ? Future.succeededFuture()
        : Future.failedFuture(Failure.STORE_UNAVAILABLE.problem()));
  }

  private static boolean isNotFound(Throwable err) {
    return err instanceof Problem p && p.failure() == Failure.NOT_FOUND;
  }
}
