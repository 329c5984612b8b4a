package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.health.Health;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** robots.txt, favicon, the index page of docs/api.md and, at {@code /}, a page to try the API by hand. */
final class StaticPages {
  /** Self-contained (no external assets): a form that calls the API with fetch() and shows the answer. */
  static final String TRY_IT_HTML = resource("try-it.html");
  /** The page's own script and styles only; the thumbnail may come from the store's host, a cutout from a blob. */
  private static final String TRY_IT_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
      + "connect-src 'self'; img-src * data: blob:; form-action 'none'; base-uri 'none'";

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

  static void tryItPage(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader("Content-Security-Policy", TRY_IT_POLICY)
        .end(TRY_IT_HTML);
  }

  static void health(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Health.UP);
  }

  private static String resource(String name) {
    try (InputStream in = StaticPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
