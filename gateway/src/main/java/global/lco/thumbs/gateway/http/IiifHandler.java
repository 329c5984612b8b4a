package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.CallerLookups;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.gateway.iiif.IiifIdentifier;
import global.lco.thumbs.gateway.iiif.ImageLimits;
import global.lco.thumbs.gateway.iiif.ImageRequest;
import global.lco.thumbs.gateway.iiif.InfoJson;
import global.lco.thumbs.shared.cache.CacheKey;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.store.ObjectNames;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The IIIF Image API 3.0 routes (docs/iiif.md): parse everything first (errors never reach the archive),
 * find the picture the identifier names as the caller may see it ({@link IiifPictures}: a frame, or the
 * colour composite of its request, and its size), resolve the request, then serve the tile from the
 * store or render it on the worker owning the picture's frames, which stores it.
 */
public final class IiifHandler {
  static final String PREFIX = "/iiif/3/";
  private static final int IMAGE_MAX_AGE_SECONDS = 3600;
  private static final Pattern PROTO = Pattern.compile("https?");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,255}");

  private final IiifPictures pictures;
  private final ThumbnailStore store;
  private final RenderDispatcher dispatcher;
  private final Duration deadline;
  private final ImageLimits limits;

  public IiifHandler(ArchiveClient archive, CallerLookups lookups, FrameValidator validator, ThumbnailStore store,
                     RenderDispatcher dispatcher, int maxSide, Duration deadline, OrientationMode orientation) {
    this.pictures = new IiifPictures(archive, lookups, validator, dispatcher, orientation);
    this.store = store;
    this.dispatcher = dispatcher;
    this.deadline = deadline;
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
          var body = InfoJson.of(baseUri(ctx), p.size().width(), p.size().height(), p.composite(), limits);
          return ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, mediaType(ctx))
              .putHeader("Link", "<" + InfoJson.PROFILE_URI + ">;rel=\"profile\"")
              .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=" + IMAGE_MAX_AGE_SECONDS)
              .end(body.encode());
        })
        .onFailure(err -> fail(ctx, log, err));
  }

  void image(RoutingContext ctx) {
    var log = RequestLog.of(ctx);
    var id = identifier(ctx);
    ImageRequest request;
    try {
      // The identifier says which qualities the picture has: color only for a composite.
      request = ImageRequest.parse(ctx.pathParam("region"), ctx.pathParam("size"), ctx.pathParam("rotation"),
          ctx.pathParam("quality"), ctx.pathParam("format"), id != null && id.color(), limits);
    } catch (Problem badParameter) {
      fail(ctx, log, badParameter);
      return;
    }
    if (id == null) {
      fail(ctx, log, Failure.NOT_FOUND.problem());
      return;
    }
    var deadlineMs = System.currentTimeMillis() + deadline.toMillis();
    picture(ctx, id, deadlineMs)
        .compose(p -> {
          var resolved = request.resolve(p.size().width(), p.size().height(), limits);
          var params = p.params().withFormat(request.format()).withTile(resolved.tile());
          var key = CacheKey.of(p.frames(), params);
          ctx.response().putHeader("Link", "<" + baseUri(ctx) + "/" + resolved.canonical() + ">;rel=\"canonical\", <"
              + InfoJson.PROFILE_URI + ">;rel=\"profile\"");
          return serve(ctx, log, key, new RenderJob(log.requestId(), key, p.frames(), params, deadlineMs, true));
        })
        .onFailure(err -> fail(ctx, log, err));
  }

  private Future<IiifPictures.Picture> picture(RoutingContext ctx, IiifIdentifier id, long deadlineMs) {
    return pictures.picture(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), id, RequestLog.of(ctx).requestId(),
        deadlineMs);
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
