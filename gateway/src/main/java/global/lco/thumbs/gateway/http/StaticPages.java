package global.lco.thumbs.gateway.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** robots.txt, favicon and the index page of SPEC §1.1. */
final class StaticPages {
  static final String INDEX_HTML = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>Thumbnail service</title></head>
      <body><p>Please see the documentation for the thumbnail service at \
      <a href="https://developers.lco.global">developers.lco.global</a></p></body></html>
      """;

  private StaticPages() {
  }

  static void robots(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end("User-agent: *\nDisallow: /\n");
  }

  static void favicon(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  static void index(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(INDEX_HTML);
  }

  static void health(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end("{\"status\":\"UP\"}");
  }
}
