package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.GatewayConfig;
import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.render.RenderDispatcher;
import global.lco.thumbs.gateway.render.WorkerRegistry;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.store.LocalDirectoryStore;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The gateway's routes (SPEC §1.1). Order matters: fixed paths first, the frame patterns, then the index. */
public final class GatewayRouter {
  private GatewayRouter() {
  }

  public static Router create(Vertx vertx, GatewayConfig config, ArchiveClient archive, ThumbnailStore store,
                              RenderDispatcher dispatcher, WorkerRegistry workers) {
    var router = Router.router(vertx);
    router.route().handler(GatewayRouter::cors);
    getOrHead(router.route("/robots.txt")).handler(StaticPages::robots);
    getOrHead(router.route("/favicon.ico")).handler(StaticPages::favicon);
    getOrHead(router.route("/health")).handler(StaticPages::health);
    getOrHead(router.route("/ready")).handler(ctx -> readiness(ctx, workers));
    if (store instanceof LocalDirectoryStore local) {
      var signed = new SignedThumbnailHandler(local);
      getOrHead(router.route("/" + StoreConfig.LOCAL_URL_PATH + "*")).handler(signed::handle);
    }
    var thumbnails = new ThumbnailHandler(archive, new FrameValidator(config.rules()), store, dispatcher,
        config.maxSide(), config.requestDeadline());
    getOrHead(router.routeWithRegex("^/(?<segment>[^/]+)/$")).handler(thumbnails::handle);
    getOrHead(router.routeWithRegex("^/(?<segment>[^/]+)$")).handler(GatewayRouter::addSlash);
    router.route().handler(StaticPages::index);
    router.route().failureHandler(GatewayRouter::failure);
    router.errorHandler(400, ctx -> Responses.json(ctx.response(), 400, new JsonObject().put("message", "Bad request")));
    return router;
  }

  private static Route getOrHead(Route route) {
    return route.method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /** CORS is open (SPEC §1.1): any origin may read answers; preflights are answered here. */
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

  /** Ready when at least one render worker is known (the store's reachability joins with the operations issue). */
  private static void readiness(RoutingContext ctx, WorkerRegistry workers) {
    int known = workers.size();
    if (known == 0) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    Responses.json(ctx.response(), known > 0 ? 200 : 503,
        new JsonObject().put("status", known > 0 ? "READY" : "NOT_READY").put("workers", known));
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
