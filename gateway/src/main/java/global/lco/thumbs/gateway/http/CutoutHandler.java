package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.contract.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /cutout/{basename}/} (today's upstream route): a cutout's own query, then exactly a thumbnail
 * request's path (access check with the caller's Authorization, validation, key, store, render),
 * always answering the image.
 */
final class CutoutHandler {
  private final ThumbnailHandler thumbnails;

  CutoutHandler(ThumbnailHandler thumbnails) {
    this.thumbnails = thumbnails;
  }

  void handle(RoutingContext ctx) {
    var log = RequestLog.of(ctx);
    ThumbnailQuery query;
    try {
      query = CutoutQuery.parse(ctx.queryParams(), thumbnails.maxSide(), thumbnails.defaultOrientation());
    } catch (Problem badParameter) {
      log.failed(badParameter);
      Responses.problem(ctx.response(), badParameter, log.requestId());
      return;
    }
    thumbnails.handle(ctx, log, query);
  }
}
