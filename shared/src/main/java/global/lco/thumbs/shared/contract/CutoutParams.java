package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * A cutout of a frame ({@code /cutout/{basename}/}): a box of frame pixels around a centre, zoomed and
 * stretched between the sky level and {@code sigma} times the sky noise above it.
 *
 * @param x      centre column, 0-based, as the FITS array stores it
 * @param y      centre row, 0-based, FITS row order (row 0 is the first stored row)
 * @param width  box width in frame pixels (trimmed where it leaves the frame)
 * @param height box height in frame pixels
 * @param zoom   output pixels per frame pixel, greater than 0
 * @param sigma  white level in sky standard deviations above the sky, greater than 0
 * @param ticks  draw two short white tick marks pointing at the centre
 */
public record CutoutParams(int x, int y, int width, int height, double zoom, double sigma, boolean ticks) {
  public static final int DEFAULT_SIDE = 100;
  public static final double DEFAULT_ZOOM = 1;
  public static final double DEFAULT_SIGMA = 10;

  public CutoutParams {
    if (width < 1 || height < 1 || !(zoom > 0) || !(sigma > 0) || Double.isInfinite(zoom) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("a cutout needs a positive size, zoom and sigma");
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("x", x).put("y", y).put("width", width).put("height", height)
        .put("zoom", zoom).put("sigma", sigma).put("ticks", ticks);
  }

  public static CutoutParams fromJson(JsonObject json) {
    return new CutoutParams(json.getInteger("x"), json.getInteger("y"), json.getInteger("width"),
        json.getInteger("height"), json.getDouble("zoom"), json.getDouble("sigma"), json.getBoolean("ticks", false));
  }
}
