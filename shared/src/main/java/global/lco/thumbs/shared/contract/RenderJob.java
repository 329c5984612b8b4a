package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A render job sent from a gateway to a worker. Idempotent: rendering the same job twice stores
 * the same object under the same key, so a gateway may retry it on another worker.
 *
 * @param requestId  the gateway's request id, for correlating log lines
 * @param cacheKey   the store key the worker writes to
 * @param frames     one frame (mono) or three (colour: red, green, blue)
 * @param params     parsed render parameters
 * @param deadlineMs wall-clock epoch millis after which the result is useless to the caller
 * @param wantBytes  reply with the JPEG bytes (for {@code image=true}); otherwise only metadata
 * @param lane       {@link Lane#USER} for a caller's request, {@link Lane#WARM} for a render ahead of any request
 */
public record RenderJob(String requestId, String cacheKey, List<FrameSource> frames, RenderParams params,
                        long deadlineMs, boolean wantBytes, Lane lane) {

  public RenderJob {
    frames = List.copyOf(frames);
    lane = lane == null ? Lane.USER : lane;
  }

  /** A job in the user lane. */
  public RenderJob(String requestId, String cacheKey, List<FrameSource> frames, RenderParams params,
                   long deadlineMs, boolean wantBytes) {
    this(requestId, cacheKey, frames, params, deadlineMs, wantBytes, Lane.USER);
  }

  /** Milliseconds left before the deadline (negative once it has passed). */
  public long remainingMs() {
    return deadlineMs - System.currentTimeMillis();
  }

  public boolean warm() {
    return lane == Lane.WARM;
  }

  public boolean color() {
    return frames.size() == 3;
  }

  public JsonObject toJson() {
    var frameArray = new JsonArray();
    frames.forEach(f -> frameArray.add(f.toJson()));
    return new JsonObject()
        .put("requestId", requestId).put("cacheKey", cacheKey).put("frames", frameArray)
        .put("params", params.toJson()).put("deadlineMs", deadlineMs).put("wantBytes", wantBytes)
        .put("lane", lane.wireName());
  }

  public static RenderJob fromJson(JsonObject json) {
    List<FrameSource> frames = json.getJsonArray("frames").stream()
        .map(o -> FrameSource.fromJson((JsonObject) o)).toList();
    return new RenderJob(json.getString("requestId"), json.getString("cacheKey"), frames,
        RenderParams.fromJson(json.getJsonObject("params")), json.getLong("deadlineMs"),
        json.getBoolean("wantBytes", false), Lane.fromWire(json.getString("lane")));
  }
}
