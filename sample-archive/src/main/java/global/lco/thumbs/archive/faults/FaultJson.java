package global.lco.thumbs.archive.faults;

import global.lco.thumbs.archive.routes.Route;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;

/**
 * The control endpoint's JSON form of a fault, e.g.
 * {@code {"route":"files","mode":"status","status":503,"frame_id":1001,"times":1,"delay_ms":200}}.
 * Keys: {@code route} (frames|files|other, default frames), {@code mode} (required),
 * {@code status}, {@code frame_id}, {@code once}, {@code times}, {@code delay_ms}, {@code body},
 * {@code content_type}, {@code retry_after}, {@code chunk_bytes}, {@code interval_ms}, {@code count}.
 */
public final class FaultJson {
  private FaultJson() {
  }

  /** @throws IllegalArgumentException with a message fit for a 400 answer */
  public static Fault fromJson(JsonObject json) {
    try {
      var route = Route.fromWireName(json.getString("route", "frames"));
      var modeName = json.getString("mode");
      if (modeName == null) {
        throw new IllegalArgumentException("'mode' is required");
      }
      var mode = Fault.Mode.valueOf(modeName.trim().toUpperCase(Locale.ROOT));
      var fault = new Fault(route, mode, json.getLong("frame_id"), Fault.PERSISTENT,
          Duration.ofMillis(json.getLong("delay_ms", 0L)), json.getInteger("status", 0),
          json.getString("content_type"), json.getString("body"),
          json.getInteger("retry_after", Fault.DEFAULT_RETRY_AFTER_SECONDS),
          json.getInteger("chunk_bytes", Fault.DEFAULT_TRICKLE_BYTES),
          Duration.ofMillis(json.getLong("interval_ms", Fault.DEFAULT_TRICKLE_INTERVAL.toMillis())),
          json.getLong("count", 0L));
      if (json.getBoolean("once", false)) {
        fault = fault.once();
      }
      if (json.getValue("times") != null) {
        fault = fault.times(json.getInteger("times"));
      }
      return fault;
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("a fault field has the wrong JSON type: " + e.getMessage());
    }
  }

  public static JsonObject toJson(Fault fault) {
    var json = new JsonObject()
        .put("route", fault.route().wireName())
        .put("mode", fault.mode().name().toLowerCase(Locale.ROOT))
        .put("frame_id", fault.frameId())
        .put("times", fault.times() == Fault.PERSISTENT ? null : fault.times())
        .put("delay_ms", fault.delay().toMillis());
    switch (fault.mode()) {
      case STATUS -> json.put("status", fault.status()).put("retry_after", fault.retryAfterSeconds())
          .put("content_type", fault.contentType()).put("body", fault.body());
      case TRICKLE -> json.put("chunk_bytes", fault.chunkBytes()).put("interval_ms", fault.chunkInterval().toMillis());
      case COUNT -> json.put("count", fault.count());
      default -> {
      }
    }
    return json;
  }
}
