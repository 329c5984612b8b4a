package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.store.LocalDirectoryStore;
import global.lco.thumbs.shared.store.ObjectNames;
import global.lco.thumbs.shared.store.UrlSigner;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the local store's signed URLs ({@code /_thumbs/{object}?expires=&signature=}): the
 * single-machine stand-in for S3 presigned GETs. A bad or expired signature is a 403, as S3 answers.
 */
final class SignedThumbnailHandler {
  private final LocalDirectoryStore store;

  SignedThumbnailHandler(LocalDirectoryStore store) {
    this.store = store;
  }

  void handle(RoutingContext ctx) {
    var objectName = ctx.pathParam("*");
    var key = objectName == null ? null : store.keyOf(objectName);
    if (key == null) {
      Responses.json(ctx.response(), 404, new JsonObject().put("message", "Not found"));
      return;
    }
    var verdict = store.verify(objectName, ctx.request().getParam("expires"), ctx.request().getParam("signature"));
    if (verdict != UrlSigner.Verdict.VALID) {
      var message = verdict == UrlSigner.Verdict.EXPIRED ? "Request has expired" : "Signature does not match";
      Responses.json(ctx.response(), 403, new JsonObject().put("message", message));
      return;
    }
    store.get(key).onComplete(read -> {
      if (read.failed()) {
        Responses.json(ctx.response(), 404, new JsonObject().put("message", "Not found"));
        return;
      }
      ctx.response()
          .putHeader(HttpHeaders.CONTENT_TYPE, ObjectNames.contentType(key))
          .putHeader(HttpHeaders.ETAG, "\"" + key + "\"")
          .putHeader(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
          .end(read.result());
    });
  }
}
