package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.health.Readiness;
import global.lco.thumbs.shared.health.StoreProbe;
import global.lco.thumbs.shared.metrics.Metrics;
import global.lco.thumbs.shared.store.LocalDirectoryStore;
import global.lco.thumbs.shared.store.MeteredStore;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/** The gateway's routes (docs/api.md). Order matters: fixed paths first, the frame patterns, then the index. */
public final class GatewayRouter {

  private GatewayRouter() {
  }

  /** @param shownChecks adds to {@code /ready} what is shown but decides nothing (the ingest listener's connection) */
  public static Router create(Vertx vertx, ThumbnailHandler thumbnails, IiifHandler iiif, ThumbnailStore store,
                              WorkerRegistry workers, Consumer<JsonObject> shownChecks) {
    var router = Router.router(vertx);
    // Every answer gets a request id, a log line and a count, whatever route ends up answering it.
    router.route().handler(ctx -> {
      RequestLog.of(ctx);
      ctx.next();
    });
    router.route().handler(GatewayRouter::cors);
    getOrHead(router.route("/robots.txt")).handler(named("robots", StaticPages::robots));
    getOrHead(router.route("/favicon.ico")).handler(named("favicon", StaticPages::favicon));
    getOrHead(router.route("/health")).handler(named("health", StaticPages::health));
    var readiness = new GatewayReadiness(vertx, workers, new StoreProbe(store, StoreProbe.DEFAULT_TTL), shownChecks);
    getOrHead(router.route("/ready")).handler(named("ready",
        ctx -> readiness.check().onComplete(done -> Readiness.answer(ctx.response(), done))));
    getOrHead(router.route("/metrics")).handler(named("metrics", GatewayRouter::metrics));
    if (MeteredStore.unwrap(store) instanceof LocalDirectoryStore local) {
      var signed = new SignedThumbnailHandler(local);
      getOrHead(router.route("/" + StoreConfig.LOCAL_URL_PATH + "*")).handler(named("signed", signed::handle));
    }
    iiifRoutes(router, iiif);
    getOrHead(router.route(StaticPages.OPENSEADRAGON_PATH)).handler(named("asset", StaticPages::openSeadragon));
    var cutouts = new CutoutHandler(thumbnails);
    getOrHead(router.routeWithRegex("^/cutout/(?<segment>[^/]+)/$")).handler(named("cutout", cutouts::handle));
    getOrHead(router.routeWithRegex("^/cutout/(?<segment>[^/]+)$")).handler(named("redirect", GatewayRouter::addSlash));
    router.routeWithRegex("^/cutout/[^/]+/?$").handler(named("method", GatewayRouter::methodNotAllowed));
    getOrHead(router.routeWithRegex("^/(?<segment>[^/]+)/$")).handler(ctx -> {
      // Named before parsing, so requests refused for their parameters are counted on their route too.
      RequestLog.of(ctx).route(FrameSegment.isFrameId(ctx.pathParam("segment")) ? "frame" : "basename");
      thumbnails.handle(ctx);
    });
    getOrHead(router.routeWithRegex("^/(?<segment>[^/]+)$")).handler(named("redirect", GatewayRouter::addSlash));
    // The old service answered 405 to other methods on its thumbnail routes, not the index page.
    router.routeWithRegex("^/[^/]+/?$").handler(named("method", GatewayRouter::methodNotAllowed));
    getOrHead(router.route("/")).handler(named("page", StaticPages::tryItPage));
    router.route().handler(named("index", StaticPages::index));
    router.route().failureHandler(GatewayRouter::failure);
    router.errorHandler(400, ctx -> Responses.json(ctx.response(), 400, new JsonObject().put("message", "Bad request")));
    return router;
  }

  /** docs/iiif.md; anything else under /iiif/ is a 400 (a malformed image request), never a frame route. */
  private static void iiifRoutes(Router router, IiifHandler iiif) {
    var id = "^/iiif/3/(?<identifier>[^/]+)";
    getOrHead(router.routeWithRegex(id + "$")).handler(named("iiif-redirect", iiif::redirect));
    getOrHead(router.routeWithRegex(id + "/info\\.json$")).handler(named("iiif-info", iiif::info));
    getOrHead(router.routeWithRegex(id + "/(?<region>[^/]+)/(?<size>[^/]+)/(?<rotation>[^/]+)/(?<quality>[^/.]+)"
        + "\\.(?<format>[^/.]+)$")).handler(named("iiif-image", iiif::image));
    router.routeWithRegex("^/iiif/3/[^/]+(/info\\.json|/[^/]+/[^/]+/[^/]+/[^/]+)?$")
        .handler(ctx -> {
          var method = ctx.request().method();
          if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
            ctx.next();
          } else {
            RequestLog.of(ctx).route("method");
            methodNotAllowed(ctx);
          }
        });
    // More segments than an image request has: an identifier with a slash in it, which names nothing of ours.
    router.routeWithRegex("^/iiif/3/[^/]+/[^/]+/[^/]+/[^/]+/[^/]+/.*$").handler(named("iiif",
        ctx -> Responses.problem(ctx.response(), Failure.NOT_FOUND.problem(), RequestLog.of(ctx).requestId())));
    router.routeWithRegex("^/iiif(/.*)?$").handler(named("iiif", ctx -> Responses.json(ctx.response(), 400,
        new JsonObject().put("message", "Not a IIIF Image API 3.0 request: /iiif/3/{identifier}/{region}/{size}/"
            + "{rotation}/{quality}.{format} or /iiif/3/{identifier}/info.json"))));
  }

  private static Route getOrHead(Route route) {
    return route.method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /** CORS is open (docs/api.md): any origin may read answers; preflights are answered here. */
  private static void cors(RoutingContext ctx) {
    var response = ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    if (ctx.request().method() == HttpMethod.OPTIONS) {
      response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS")
          .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, If-None-Match")
          .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "86400")
          .setStatusCode(204).end();
      return;
    }
    response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, X-Request-Id");
    ctx.next();
  }

  /** The route's name in the request log and in {@code thumbs_requests} (a small fixed set). */
  private static Handler<RoutingContext> named(String route, Handler<RoutingContext> handler) {
    return ctx -> {
      RequestLog.of(ctx).route(route);
      handler.handle(ctx);
    };
  }

  private static void metrics(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Metrics.CONTENT_TYPE).end(Metrics.scrape(ctx.vertx()));
  }

  private static void methodNotAllowed(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS");
    Responses.json(ctx.response(), 405, new JsonObject().put("message", "Method not allowed"));
  }

  private static void addSlash(RoutingContext ctx) {
    var query = ctx.request().query();
    var location = ctx.request().path() + "/" + (query == null ? "" : "?" + query);
    ctx.response().setStatusCode(308).putHeader(HttpHeaders.LOCATION, location).end();
  }

  private static void failure(RoutingContext ctx) {
    var log = RequestLog.of(ctx);
    var err = ctx.failure() != null ? ctx.failure() : Failure.INTERNAL.problem();
    log.failed(err);
    if (!ctx.response().headWritten()) {
      Responses.problem(ctx.response(), err, log.requestId());
    }
  }
}
