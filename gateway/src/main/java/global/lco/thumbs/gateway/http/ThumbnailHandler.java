package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.colour.ColourSet;
import global.lco.thumbs.gateway.colour.SiblingLookup;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.shared.cache.CacheKey;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.store.ObjectNames;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;

/**
 * {@code /{frameId}/} and {@code /{basename}/}, in the order of docs/architecture.md: parse → archive lookup
 * (with the caller's Authorization, hit or miss) → validate → for colour, the request's red, green
 * and blue frames (docs/colour.md) → key → store lookup → render on a worker if missing → URL or bytes.
 */
public final class ThumbnailHandler {
  private static final int IMAGE_MAX_AGE_SECONDS = 3600;

  private final ArchiveClient archive;
  private final SiblingLookup siblings;
  private final FrameValidator validator;
  private final ThumbnailStore store;
  private final RenderDispatcher dispatcher;
  private final int maxSide;
  private final Duration deadline;
  private final OrientationMode defaultOrientation;

  public ThumbnailHandler(ArchiveClient archive, FrameValidator validator, ThumbnailStore store,
                   RenderDispatcher dispatcher, int maxSide, Duration deadline) {
    this(archive, validator, store, dispatcher, maxSide, deadline, OrientationMode.DEFAULT);
  }

  /** @param defaultOrientation THUMBNAIL_ORIENTATION, for requests without {@code orient} */
  public ThumbnailHandler(ArchiveClient archive, FrameValidator validator, ThumbnailStore store,
                   RenderDispatcher dispatcher, int maxSide, Duration deadline, OrientationMode defaultOrientation) {
    this.defaultOrientation = defaultOrientation;
    this.archive = archive;
    this.siblings = new SiblingLookup(archive);
    this.validator = validator;
    this.store = store;
    this.dispatcher = dispatcher;
    this.maxSide = maxSide;
    this.deadline = deadline;
  }

  int maxSide() {
    return maxSide;
  }

  OrientationMode defaultOrientation() {
    return defaultOrientation;
  }

  void handle(RoutingContext ctx) {
    var log = RequestLog.of(ctx);
    ThumbnailQuery query;
    try {
      query = ThumbnailQuery.parse(ctx.queryParams(), maxSide, defaultOrientation);
    } catch (Problem badParameter) {
      fail(ctx, log, badParameter);
      return;
    }
    handle(ctx, log, query);
  }

  /** A request whose query is parsed already (a cutout's is, by {@link CutoutHandler}): the rest of the path of a request (docs/architecture.md). */
  void handle(RoutingContext ctx, RequestLog log, ThumbnailQuery query) {
    var segment = ctx.pathParam("segment");
    if (!FrameSegment.plausible(segment)) {
      fail(ctx, log, Failure.NOT_FOUND.problem());
      return;
    }
    var authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    var deadlineMs = System.currentTimeMillis() + deadline.toMillis();
    boolean byId = FrameSegment.isFrameId(segment);
    var lookup = byId
        ? archive.frameById(Long.parseLong(segment), authorization)
        : archive.frameByBasename(segment, authorization);
    lookup.compose(frame -> answer(ctx, log, frame, query, authorization, deadlineMs))
        .onFailure(err -> fail(ctx, log, err));
  }

  private static void fail(RoutingContext ctx, RequestLog log, Throwable err) {
    log.failed(err);
    Responses.problem(ctx.response(), err, log.requestId());
  }

  private Future<Void> answer(RoutingContext ctx, RequestLog log, ArchiveFrame frame, ThumbnailQuery query,
                              String authorization, long deadlineMs) {
    var invalid = validator.check(frame, query.color());
    if (invalid.isPresent()) {
      return Future.failedFuture(invalid.get());
    }
    var asked = query.forFrame(frame);
    // Colour renders the request's red, green and blue frames, whichever frame of it was asked for.
    Future<List<FrameSource>> sources = asked.color()
        ? siblings.colourSet(frame.requestId(), authorization).map(ColourSet::sources)
        : Future.succeededFuture(List.of(new FrameSource(frame.id(), frame.pixelVersion(), frame.filename(), frame.url())));
    return sources.compose(frames -> serve(ctx, log, frame, frames, asked, deadlineMs));
  }

  private Future<Void> serve(RoutingContext ctx, RequestLog log, ArchiveFrame frame, List<FrameSource> frames,
                             ThumbnailQuery query, long deadlineMs) {
    var key = CacheKey.of(frames, query.params());
    var etag = "\"" + key + "\"";
    if (query.image() && etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      log.hit(true);
      return ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag).end();
    }
    return store.exists(key)
        // With the store down an image caller can still be served freshly rendered bytes.
        .recover(err -> query.image() ? Future.succeededFuture(false)
            : Future.failedFuture(Failure.STORE_UNAVAILABLE.problem()))
        .compose(hit -> {
          log.hit(hit);
          if (hit) {
            return query.image() ? readStored(key).compose(bytes -> sendImage(ctx, etag, key, bytes))
                : sendUrl(ctx, frame, key);
          }
          var job = new RenderJob(log.requestId(), key, frames, query.params(), deadlineMs, query.image());
          return dispatcher.render(job).compose(reply -> {
            log.worker(reply.worker());
            if (!query.image()) {
              // Without a stored object there is no URL to hand out; image callers still get the bytes.
              return reply.stored() ? sendUrl(ctx, frame, key) : Future.failedFuture(Failure.STORE_UNAVAILABLE.problem());
            }
            return reply.jpeg() != null ? sendImage(ctx, etag, key, Buffer.buffer(reply.jpeg()))
                : readStored(key).compose(bytes -> sendImage(ctx, etag, key, bytes));
          });
        });
  }

  private Future<Buffer> readStored(String key) {
    return store.get(key).recover(err -> Future.failedFuture(Failure.STORE_UNAVAILABLE.problem()));
  }

  private Future<Void> sendUrl(RoutingContext ctx, ArchiveFrame frame, String key) {
    return store.url(key)
        .recover(err -> Future.failedFuture(Failure.STORE_UNAVAILABLE.problem()))
        .compose(signed -> Responses.json(ctx.response(), 200, new JsonObject()
            .put("propid", frame.proposalId())
            .put("url", signed.url())
            .put("expires", signed.expires().toString())));
  }

  private Future<Void> sendImage(RoutingContext ctx, String etag, String key, Buffer bytes) {
    return ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, ObjectNames.contentType(key))
        .putHeader(HttpHeaders.ETAG, etag)
        // The frame may be proprietary: browsers may keep it, shared caches must not.
        .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + IMAGE_MAX_AGE_SECONDS)
        .end(bytes);
  }
}
