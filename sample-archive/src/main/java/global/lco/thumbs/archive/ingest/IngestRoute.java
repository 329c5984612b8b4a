package global.lco.thumbs.archive.ingest;

import global.lco.thumbs.archive.catalog.Catalog;
import global.lco.thumbs.archive.catalog.Frame;
import global.lco.thumbs.archive.files.UrlMinter;
import global.lco.thumbs.archive.frames.FrameRecords;
import global.lco.thumbs.archive.http.RequestBase;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /_control/frames/{id}/ingest}: announces the frame as if it had just been archived
 * (see {@link IngestPublisher}). 202 with the frame id and exchange once the broker confirmed it;
 * 404 for an unknown frame; 503 when no broker is configured or it did not take the message.
 */
public final class IngestRoute {
  private final Catalog catalog;
  private final UrlMinter minter;
  private final IngestPublisher publisher;

  /** @param publisher null when the archive has no broker (QUEUE_BROKER_URL unset) */
  public IngestRoute(Catalog catalog, UrlMinter minter, IngestPublisher publisher) {
    this.catalog = catalog;
    this.minter = minter;
    this.publisher = publisher;
  }

  public void handle(RoutingContext ctx) {
    Frame frame;
    try {
      frame = catalog.byId(Long.parseLong(ctx.pathParam("id")));
    } catch (NumberFormatException notANumber) {
      frame = null;
    }
    if (frame == null) {
      json(ctx, 404, new JsonObject().put("error", "no such frame"));
      return;
    }
    var id = frame.id();
    ingest(frame, RequestBase.of(ctx.request()))
        .onSuccess(v -> json(ctx, 202, new JsonObject().put("frameid", id).put("exchange", publisher.exchange())))
        .onFailure(err -> json(ctx, 503, new JsonObject().put("error", err.getMessage())));
  }

  /** Publishes the frame's announcement; {@code requestBase} is where its download URLs point unless a public URL is set. */
  public Future<Void> ingest(Frame frame, String requestBase) {
    if (publisher == null) {
      return Future.failedFuture("no broker: set QUEUE_BROKER_URL");
    }
    // The archive's own view of the record: no caller, no visibility filter.
    var record = FrameRecords.toJson(frame, v -> minter.mint(requestBase, frame, v, false), true, false);
    return publisher.publish(IngestPublisher.payload(record));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
