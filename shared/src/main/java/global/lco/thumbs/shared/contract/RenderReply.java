package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker's answer to a {@link RenderJob}: the thumbnail is in the store under {@code cacheKey}.
 *
 * @param cacheKey    the key the JPEG was stored under
 * @param width       output width in pixels
 * @param height      output height in pixels
 * @param jpeg        the JPEG bytes when the job asked for them, else {@code null}
 * @param stored      false when the store refused the object (the bytes are then the only copy)
 * @param stageMillis time spent per pipeline stage, in pipeline order
 * @param worker      the worker's node name, for the gateway's request log
 */
public record RenderReply(String cacheKey, int width, int height, byte[] jpeg, boolean stored,
                          Map<String, Long> stageMillis, String worker) {

  public RenderReply {
    stageMillis = Collections.unmodifiableMap(new LinkedHashMap<>(stageMillis));
  }

  /**
   * This reply as one caller needs it: the bytes go over the bus only when that caller wants them or
   * when they could not be stored (then they are the only copy).
   */
  public RenderReply forCaller(boolean wantBytes) {
    return wantBytes || !stored || jpeg == null ? this
        : new RenderReply(cacheKey, width, height, null, stored, stageMillis, worker);
  }

  public JsonObject toJson() {
    var stages = new JsonObject();
    stageMillis.forEach(stages::put);
    var json = new JsonObject()
        .put("cacheKey", cacheKey).put("width", width).put("height", height)
        .put("stored", stored).put("stageMillis", stages).put("worker", worker);
    if (jpeg != null) {
      json.put("jpeg", jpeg);
    }
    return json;
  }

  public static RenderReply fromJson(JsonObject json) {
    Map<String, Long> stages = new LinkedHashMap<>();
    json.getJsonObject("stageMillis", new JsonObject()).forEach(e -> stages.put(e.getKey(), ((Number) e.getValue()).longValue()));
    return new RenderReply(json.getString("cacheKey"), json.getInteger("width"), json.getInteger("height"),
        json.getBinary("jpeg"), json.getBoolean("stored", true), stages, json.getString("worker", ""));
  }
}
