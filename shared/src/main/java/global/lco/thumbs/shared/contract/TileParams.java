package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * A IIIF image request resolved to pixels (docs/iiif.md): the region of the stretched, oriented frame
 * (the thumbnail's picture at full resolution, row 0 at the top), the size it is scaled to, then the
 * mirror and the quarter turns. A size-only request ({@link #SIZE_ONLY}) asks a worker for the
 * picture's dimensions and renders nothing; it is what {@code info.json} needs on a cold frame.
 *
 * @param x         left column of the region in picture pixels
 * @param y         top row of the region in picture pixels
 * @param width     region width (the region lies inside the picture)
 * @param height    region height
 * @param outWidth  width of the scaled region, before rotation
 * @param outHeight height of the scaled region, before rotation
 * @param rotation  clockwise degrees: 0, 90, 180 or 270
 * @param mirror    mirrored left to right before rotation
 * @param sizeOnly  only the picture's dimensions are wanted
 * @param gray      a colour composite's region converted to grey ({@code quality=gray}); a mono frame is
 *                  grey already, so its gray tiles never set this and share the default tile
 */
public record TileParams(int x, int y, int width, int height, int outWidth, int outHeight, int rotation,
                         boolean mirror, boolean sizeOnly, boolean gray) {
  public static final TileParams SIZE_ONLY = new TileParams(0, 0, 1, 1, 1, 1, 0, false, true);

  public TileParams {
    if (x < 0 || y < 0 || width < 1 || height < 1 || outWidth < 1 || outHeight < 1 || rotation % 90 != 0
        || rotation < 0 || rotation >= 360) {
      throw new IllegalArgumentException("a tile needs a region inside the picture, a size and a quarter turn");
    }
  }

  /** A tile in the picture's own colours. */
  public TileParams(int x, int y, int width, int height, int outWidth, int outHeight, int rotation, boolean mirror,
                    boolean sizeOnly) {
    this(x, y, width, height, outWidth, outHeight, rotation, mirror, sizeOnly, false);
  }

  public JsonObject toJson() {
    return new JsonObject().put("x", x).put("y", y).put("width", width).put("height", height)
        .put("outWidth", outWidth).put("outHeight", outHeight).put("rotation", rotation).put("mirror", mirror)
        .put("sizeOnly", sizeOnly).put("gray", gray);
  }

  public static TileParams fromJson(JsonObject json) {
    return new TileParams(json.getInteger("x"), json.getInteger("y"), json.getInteger("width"),
        json.getInteger("height"), json.getInteger("outWidth"), json.getInteger("outHeight"),
        json.getInteger("rotation", 0), json.getBoolean("mirror", false), json.getBoolean("sizeOnly", false),
        json.getBoolean("gray", false));
  }

  /** The canonical text of the cache key: what the pixels depend on, nothing else (tiles in colour keep their keys). */
  public String keyText() {
    return sizeOnly ? "size-only" : x + " " + y + " " + width + " " + height + " " + outWidth + " " + outHeight + " "
        + rotation + " " + mirror + (gray ? " gray" : "");
  }
}
