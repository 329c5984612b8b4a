package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.health.Health;
import io.vertx.core.buffer.Buffer;
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
  /** OpenSeadragon (npm, BSD-3-Clause, assets/THIRD-PARTY.md), served from the jar: the page uses no CDN. */
  private static final Buffer OPENSEADRAGON = Buffer.buffer(bytes("assets/openseadragon.min.js"));
  /** Where the page loads OpenSeadragon from. */
  static final String OPENSEADRAGON_PATH = "/_assets/openseadragon.min.js";
  /**
   * The page's own script and styles plus the bundled OpenSeadragon; the thumbnail may come from the store's host,
   * a cutout from a blob, deep-zoom tiles from /iiif/3/.
   */
  private static final String TRY_IT_POLICY = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
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

  static void openSeadragon(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
        .end(OPENSEADRAGON);
  }

  static void health(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Health.UP);
  }

  private static String resource(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String name) {
    try (InputStream in = StaticPages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
