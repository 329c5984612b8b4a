package global.lco.thumbs.archive.control;

import global.lco.thumbs.archive.catalog.Catalog;
import global.lco.thumbs.archive.catalog.Timestamps;
import global.lco.thumbs.archive.faults.FaultJson;
import global.lco.thumbs.archive.faults.Faults;
import global.lco.thumbs.archive.files.UrlMinter;
import global.lco.thumbs.archive.ingest.IngestRoute;
import global.lco.thumbs.archive.recording.RecordedRequest;
import global.lco.thumbs.archive.recording.RequestLog;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * {@code /_control/}: the test harness's handle on a running archive (faults, recorded requests,
 * reprocessing, ingest announcements, URL settings) for callers outside the JVM. These requests are
 * never recorded.
 */
public final class ControlHandler {
  public static final String PREFIX = "/_control/";
  private final Faults faults;
  private final RequestLog log;
  private final Catalog catalog;
  private final UrlMinter minter;
  private final Clock clock;
  private final IngestRoute ingest;

  public ControlHandler(Faults faults, RequestLog log, Catalog catalog, UrlMinter minter, Clock clock, IngestRoute ingest) {
    this.faults = faults;
    this.log = log;
    this.catalog = catalog;
    this.minter = minter;
    this.clock = clock;
    this.ingest = ingest;
  }

  public void mount(Router router) {
    router.route(PREFIX + "*").handler(BodyHandler.create().setBodyLimit(1 << 20));
    router.post(PREFIX + "faults").handler(this::addFaults);
    router.get(PREFIX + "faults").handler(ctx -> json(ctx, 200, activeFaults()));
    router.delete(PREFIX + "faults").handler(ctx -> {
      faults.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.post(PREFIX + "reset").handler(ctx -> {
      faults.clear();
      log.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.get(PREFIX + "requests").handler(ctx -> json(ctx, 200,
        new JsonArray(log.all().stream().map(RecordedRequest::toJson).map(Object.class::cast).toList())));
    router.delete(PREFIX + "requests").handler(ctx -> {
      log.clear();
      ctx.response().setStatusCode(204).end();
    });
    router.post(PREFIX + "frames/:id/reprocess").handler(this::reprocess);
    router.post(PREFIX + "frames/:id/ingest").handler(ingest::handle);
    router.get(PREFIX + "settings").handler(ctx -> json(ctx, 200, settings()));
    router.post(PREFIX + "settings").handler(this::changeSettings);
    router.route(PREFIX + "*").handler(ctx -> json(ctx, 404, error("no such control endpoint")));
  }

  /** Body: one fault object or an array of them (see {@link FaultJson}). */
  private void addFaults(RoutingContext ctx) {
    try {
      var body = ctx.body().buffer() == null ? "" : ctx.body().asString().trim();
      var items = body.startsWith("[") ? new JsonArray(body) : new JsonArray().add(new JsonObject(body));
      var parsed = items.stream().map(item -> {
        if (!(item instanceof JsonObject object)) {
          throw new IllegalArgumentException("each fault must be a JSON object");
        }
        return FaultJson.fromJson(object);
      }).toList();
      parsed.forEach(faults::add);
      json(ctx, 201, activeFaults());
    } catch (DecodeException | IllegalArgumentException e) {
      json(ctx, 400, error(e.getMessage()));
    }
  }

  private void reprocess(RoutingContext ctx) {
    try {
      var version = catalog.reprocess(Long.parseLong(ctx.pathParam("id")), clock.instant());
      json(ctx, 201, new JsonObject().put("id", version.id()).put("key", version.key()).put("md5", version.md5())
          .put("extension", version.extension()).put("created", Timestamps.format(version.created())));
    } catch (NumberFormatException | NoSuchElementException e) {
      json(ctx, 404, error("no such frame"));
    }
  }

  /** Body: {@code {"public_url": "http://host:port/" or null, "url_ttl": seconds}}, either key optional. */
  private void changeSettings(RoutingContext ctx) {
    try {
      var body = ctx.body().asJsonObject();
      if (body == null) {
        throw new IllegalArgumentException("a JSON object is required");
      }
      if (body.containsKey("public_url")) {
        minter.setPublicBaseUrl(body.getString("public_url"));
      }
      if (body.containsKey("url_ttl")) {
        minter.setTtl(Duration.ofSeconds(body.getLong("url_ttl")));
      }
      json(ctx, 200, settings());
    } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
      json(ctx, 400, error("bad settings: " + e.getMessage()));
    }
  }

  private JsonObject settings() {
    return new JsonObject().put("public_url", minter.publicBaseUrl()).put("url_ttl", minter.ttl().toSeconds());
  }

  private JsonObject activeFaults() {
    return new JsonObject().put("active",
        new JsonArray(faults.active().stream().map(FaultJson::toJson).map(Object.class::cast).toList()));
  }

  private static JsonObject error(String message) {
    return new JsonObject().put("error", message);
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(Json.encode(body));
  }
}
