package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * Render parameters after parsing and range checks (docs/api.md, parameters). Two requests that differ only in
 * spelling ({@code width=0200} vs {@code width=200}) give equal records, hence equal cache keys.
 *
 * @param width      box width in pixels (1..MAX_THUMBNAIL_SIDE); the image is fitted inside, never enlarged
 * @param height     box height in pixels
 * @param label      text drawn bottom-left, {@code ""} for none (absent and empty are the same)
 * @param median     fits2image "median" contrast mode (docs/rendering.md)
 * @param percentile percentile in (0, 100] used by median mode
 * @param quality    JPEG quality 1..100
 */
public record RenderParams(int width, int height, String label, boolean median, double percentile, int quality) {
  public static final int DEFAULT_SIDE = 200;
  public static final double DEFAULT_PERCENTILE = 99.5;
  public static final int DEFAULT_QUALITY = 80;

  public RenderParams {
    label = label == null ? "" : label;
  }

  public static RenderParams defaults() {
    return new RenderParams(DEFAULT_SIDE, DEFAULT_SIDE, "", false, DEFAULT_PERCENTILE, DEFAULT_QUALITY);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("width", width).put("height", height).put("label", label)
        .put("median", median).put("percentile", percentile).put("quality", quality);
  }

  public static RenderParams fromJson(JsonObject json) {
    return new RenderParams(json.getInteger("width"), json.getInteger("height"), json.getString("label", ""),
        json.getBoolean("median", false), json.getDouble("percentile"), json.getInteger("quality"));
  }
}
