package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.gateway.archive.CallerLookups;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.gateway.iiif.IiifIdentifier;
import global.lco.thumbs.gateway.iiif.ImageLimits;
import global.lco.thumbs.gateway.iiif.ImageRequest;
import global.lco.thumbs.gateway.iiif.InfoJson;
import global.lco.thumbs.gateway.iiif.PictureSizes;
import global.lco.thumbs.shared.cache.CacheKey;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.TileParams;
import global.lco.thumbs.shared.store.ObjectNames;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The IIIF Image API 3.0 routes (docs/iiif.md): parse everything first (errors never reach the archive),
 * look the frame up with the caller's Authorization (briefly remembered per caller), validate it, learn
 * its picture's size (kept by the gateway, else asked of the worker owning the frame), resolve the
 * request, then serve the tile from the store or render it on that worker, which stores it.
 */
public final class IiifHandler {
  static final String PREFIX = "/iiif/3/";
  private static final int IMAGE_MAX_AGE_SECONDS = 3600;
  private static final Pattern PROTO = Pattern.compile("https?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

  private final ArchiveClient archive;
  private final CallerLookups lookups;
  private final FrameValidator validator;
  private final ThumbnailStore store;
  private final RenderDispatcher dispatcher;
  private final Duration deadline;
  private final OrientationMode orientation;
  private final ImageLimits limits;
  private final PictureSizes sizes = new PictureSizes(10_000);

  public IiifHandler(ArchiveClient archive, CallerLookups lookups, FrameValidator validator, ThumbnailStore store,
                     RenderDispatcher dispatcher, int maxSide, Duration deadline, OrientationMode orientation) {
    this.archive = archive;
    this.lookups = lookups;
    this.validator = validator;
    this.store = store;
    this.dispatcher = dispatcher;
    this.deadline = deadline;
    this.orientation = orientation;
    this.limits = ImageLimits.of(maxSide);
  }

  /** {@code /iiif/3/{identifier}}: 303 to its info.json. */
  void redirect(RoutingContext ctx) {
    ctx.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, ctx.request().path() + "/info.json").end();
  }

  void info(RoutingContext ctx) {
    var log = RequestLog.of(ctx);
    var id = identifier(ctx);
    if (id == null) {
      fail(ctx, log, Failure.NOT_FOUND.problem());
      return;
    }
    var deadlineMs = System.currentTimeMillis() + deadline.toMillis();
    picture(ctx, id, deadlineMs)
        .compose(p -> {
          var body = InfoJson.of(baseUri(ctx), p.size.width(), p.size.height(), limits);
          return ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, mediaType(ctx))
              .putHeader("Link", "<" + InfoJson.PROFILE_URI + ">;rel=\"profile\"")
              .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + IMAGE_MAX_AGE_SECONDS)
              .end(body.encode());
        })
        .onFailure(err -> fail(ctx, log, err));
  }

  void image(RoutingContext ctx) {
    var log = RequestLog.of(ctx);
    ImageRequest request;
    try {
      request = ImageRequest.parse(ctx.pathParam("region"), ctx.pathParam("size"), ctx.pathParam("rotation"),
          ctx.pathParam("quality"), ctx.pathParam("format"), limits);
    } catch (Problem badParameter) {
      fail(ctx, log, badParameter);
      return;
    }
    var id = identifier(ctx);
    if (id == null) {
      fail(ctx, log, Failure.NOT_FOUND.problem());
      return;
    }
    var deadlineMs = System.currentTimeMillis() + deadline.toMillis();
    picture(ctx, id, deadlineMs)
        .compose(p -> {
          var resolved = request.resolve(p.size.width(), p.size.height(), limits);
          var params = p.params.withFormat(request.format()).withTile(resolved.tile());
          var key = CacheKey.of(p.frames, params);
          ctx.response().putHeader("Link", "<" + baseUri(ctx) + "/" + resolved.canonical() + ">;rel=\"canonical\", <"
              + InfoJson.PROFILE_URI + ">;rel=\"profile\"");
          return serve(ctx, log, key, new RenderJob(log.requestId(), key, p.frames, params, deadlineMs, true));
        })
        .onFailure(err -> fail(ctx, log, err));
  }

  /** A frame's picture as the caller may see it: its render parameters, its frames and its size. */
  private record Picture(RenderParams params, List<FrameSource> frames, PictureSizes.Dimensions size) {
  }

  private Future<Picture> picture(RoutingContext ctx, IiifIdentifier id, long deadlineMs) {
    if (id.color()) {
      // Colour composites are stretched per channel after registration: not yet kept by workers.
      return Future.failedFuture(new Problem(Failure.BAD_PARAMETER, 501, "Colour composites are not served over IIIF yet"));
    }
    var authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    return lookups.lookup(authorization, id.frame(), () -> FrameSegment.isFrameId(id.frame())
            ? archive.frameById(Long.parseLong(id.frame()), authorization)
            : archive.frameByBasename(id.frame(), authorization))
        .compose(frame -> {
          var invalid = validator.check(frame, false);
          if (invalid.isPresent()) {
            return Future.failedFuture(invalid.get());
          }
          var params = params(frame, id);
          var frames = List.of(new FrameSource(frame.id(), frame.pixelVersion(), frame.filename(), frame.url()));
          var sizeKey = new PictureSizes.Key(frame.id(), frame.pixelVersion(), params.orientation().wireName());
          var known = sizes.get(sizeKey);
          if (known != null) {
            return Future.succeededFuture(new Picture(params, frames, known));
          }
          var sizeOnly = params.withTile(TileParams.SIZE_ONLY);
          var job = new RenderJob(RequestLog.of(ctx).requestId(), CacheKey.of(frames, sizeOnly), frames, sizeOnly,
              deadlineMs, false);
          return dispatcher.render(job).map(reply -> {
            var size = new PictureSizes.Dimensions(reply.width(), reply.height());
            sizes.put(sizeKey, size);
            return new Picture(params, frames, size);
          });
        });
  }

  /** The thumbnail's stretch and orientation: a spectrum keeps the legacy flip, as its thumbnail does. */
  private RenderParams params(ArchiveFrame frame, IiifIdentifier id) {
    var base = new RenderParams(RenderParams.DEFAULT_SIDE, RenderParams.DEFAULT_SIDE, "", id.median(),
        RenderParams.DEFAULT_PERCENTILE, RenderParams.DEFAULT_QUALITY);
    return base.withOrientation(frame.spectrum() ? OrientationMode.LEGACY : orientation);
  }

  private Future<Void> serve(RoutingContext ctx, RequestLog log, String key, RenderJob job) {
    var etag = "\"" + key + "\"";
    if (etag.equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
      log.hit(true);
      return ctx.response().setStatusCode(304).putHeader(HttpHeaders.ETAG, etag).end();
    }
    return store.get(key)
        .map(bytes -> {
          log.hit(true);
          return bytes;
        })
        // Not stored (or the store is down): the worker owning the frame renders it, and stores it.
        .recover(missing -> {
          log.hit(false);
          return dispatcher.render(job).compose(reply -> {
            log.worker(reply.worker());
            return reply.jpeg() != null ? Future.succeededFuture(Buffer.buffer(reply.jpeg()))
                : store.get(key).recover(err -> Future.failedFuture(Failure.STORE_UNAVAILABLE.problem()));
          });
        })
        .compose(bytes -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, ObjectNames.contentType(key))
            .putHeader(HttpHeaders.ETAG, etag)
            .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + IMAGE_MAX_AGE_SECONDS)
            .end(bytes));
  }

  private static IiifIdentifier identifier(RoutingContext ctx) {
    var id = IiifIdentifier.parse(ctx.pathParam("identifier"));
    return id != null && FrameSegment.plausible(id.frame()) ? id : null;
  }

  /** The image's URI as the caller reached it: behind a proxy, X-Forwarded-Proto and -Host say how. */
  static String baseUri(RoutingContext ctx) {
    var request = ctx.request();
    var proto = first(request.getHeader("X-Forwarded-Proto"));
    var host = first(request.getHeader("X-Forwarded-Host"));
    var scheme = proto != null && PROTO.matcher(proto).matches() ? proto : request.scheme();
    var authority = host != null && HOST.matcher(host).matches() ? host
        : request.authority() != null ? request.authority().toString() : "localhost";
    var path = request.path();
    var end = path.endsWith("/info.json") ? path.length() - "/info.json".length()
        : path.indexOf('/', PREFIX.length()) < 0 ? path.length() : path.indexOf('/', PREFIX.length());
    return scheme + "://" + authority + path.substring(0, end);
  }

  private static String first(String header) {
    if (header == null) {
      return null;
    }
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).trim();
  }

  /** JSON-LD when the caller asks for it, else plain JSON (both are allowed by the spec). */
  private static String mediaType(RoutingContext ctx) {
    var accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("application/ld+json") ? InfoJson.MEDIA_TYPE : "application/json";
  }

  private static void fail(RoutingContext ctx, RequestLog log, Throwable err) {
    log.failed(err);
    Responses.problem(ctx.response(), err, log.requestId());
  }
}
