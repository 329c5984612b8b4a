package global.lco.thumbs.archive;

import global.lco.thumbs.archive.routes.Route;

import global.lco.thumbs.archive.control.ControlHandler;
import global.lco.thumbs.archive.files.DownloadHandler;
import global.lco.thumbs.archive.frames.FramesHandler;
import global.lco.thumbs.archive.http.FaultHandler;
import global.lco.thumbs.archive.http.Pages;
import global.lco.thumbs.archive.http.Replies;
import global.lco.thumbs.archive.http.Reply;
import global.lco.thumbs.archive.http.RequestRecorder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * The archive's URL map. Control routes first (never recorded, never faulted); then every other
 * request is recorded and offered to the fault injector before its route handler runs.
 */
final class ArchiveRouter {
  private static final String FRAME = "/frames/(?<id>[^/.]+)/";
  private static final Pattern NEEDS_SLASH = Pattern.compile("^/(health|frames|frames/[^/]+|frames/[^/]+/(headers|related))$");

  private ArchiveRouter() {
  }

  static Router create(Vertx vertx, ControlHandler control, RequestRecorder recorder, FaultHandler faults,
      FramesHandler frames, DownloadHandler downloads) {
    var router = Router.router(vertx);
    control.mount(router);
    router.route().handler(recorder);
    router.route().handler(faults);
    router.route().handler(ArchiveRouter::appendSlash);
    readOnly(router, "^/health/$").handler(ctx -> Replies.send(ctx, Reply.json(200, "ok")));
    readOnly(router, "^/frames/$").handler(frames::list);
    readOnly(router, "^" + FRAME + "$").handler(frames::detail);
    readOnly(router, "^" + FRAME + "headers/$").handler(frames::headers);
    readOnly(router, "^" + FRAME + "related/$").handler(frames::related);
    readOnly(router, "^/files/.+$").handler(downloads);
    router.routeWithRegex("^/frames/.*$").handler(ArchiveRouter::methodNotAllowed);
    router.route().handler(ctx -> Replies.send(ctx, Reply.of(404, "text/html", Pages.DJANGO_404)));
    return router;
  }

  private static io.vertx.ext.web.Route readOnly(Router router, String regex) {
    return router.routeWithRegex(regex).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /** Django's APPEND_SLASH: a permanent redirect to the slashed URL, query kept. */
  private static void appendSlash(RoutingContext ctx) {
    var method = ctx.request().method();
    if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && NEEDS_SLASH.matcher(ctx.normalizedPath()).matches()) {
      var query = ctx.request().query();
      var location = ctx.normalizedPath() + "/" + (query == null || query.isEmpty() ? "" : "?" + query);
      Replies.send(ctx, Reply.of(301, "text/html; charset=utf-8", "").withHeader("Location", location));
      return;
    }
    ctx.next();
  }

  private static void methodNotAllowed(RoutingContext ctx) {
    var detail = new JsonObject().put("detail", "Method \"" + ctx.request().method().name() + "\" not allowed.");
    Replies.send(ctx, Reply.json(405, detail).withHeader("Allow", "GET, HEAD, OPTIONS"));
  }
}
