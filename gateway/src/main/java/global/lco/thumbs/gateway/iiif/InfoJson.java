package global.lco.thumbs.gateway.iiif;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The IIIF Image API 3.0 {@code info.json} of a picture (docs/iiif.md). */
public final class InfoJson {
  public static final String CONTEXT = "http://iiif.io/api/image/3/context.json";
  public static final String PROFILE_URI = "http://iiif.io/api/image/3/level2.json";
  /** The JSON-LD media type, with the context as its profile, as the spec asks. */
  public static final String MEDIA_TYPE = "application/ld+json;profile=\"" + CONTEXT + "\"";
  public static final int TILE = 512;
  /** The smallest whole-picture size listed in {@code sizes}; smaller thumbnails are not worth a level. */
  static final int SMALLEST_SIZE = 64;

  private InfoJson() {
  }

  /** @param id the image's base URI, as the caller reaches it */
  public static JsonObject of(String id, int width, int height, ImageLimits limits) {
    return of(id, width, height, false, limits);
  }

  /**
   * @param id        the image's base URI, as the caller reaches it
   * @param composite a colour composite: {@code color} is offered beside {@code gray}
   */
  public static JsonObject of(String id, int width, int height, boolean composite, ImageLimits limits) {
    var qualities = composite ? new JsonArray().add("color").add("gray") : new JsonArray().add("gray");
    return new JsonObject()
        .put("@context", CONTEXT)
        .put("id", id)
        .put("type", "ImageService3")
        .put("protocol", "http://iiif.io/api/image")
        .put("profile", "level2")
        .put("width", width)
        .put("height", height)
        .put("maxWidth", limits.maxWidth())
        .put("maxHeight", limits.maxHeight())
        .put("maxArea", limits.maxArea())
        .put("tiles", new JsonArray().add(new JsonObject().put("width", TILE).put("height", TILE)
            .put("scaleFactors", new JsonArray(scaleFactors(width, height)))))
        .put("sizes", sizes(width, height, limits))
        .put("preferredFormats", new JsonArray().add("jpg"))
        .put("extraQualities", qualities)
        .put("extraFeatures", new JsonArray().add("mirroring").add("sizeUpscaling").add("canonicalLinkHeader")
            .add("profileLinkHeader"));
  }

  /** 1, 2, 4… up to the first factor at which one tile holds the whole picture. */
  static List<Integer> scaleFactors(int width, int height) {
    var factors = new ArrayList<Integer>();
    int f = 1;
    factors.add(f);
    while ((long) TILE * f < Math.max(width, height)) {
      f *= 2;
      factors.add(f);
    }
    return factors;
  }

  /** Whole-picture sizes at those factors (as viewers compute them, rounding up), smallest first, within the limits. */
  static JsonArray sizes(int width, int height, ImageLimits limits) {
    var sizes = new JsonArray();
    var factors = scaleFactors(width, height);
    for (int i = factors.size() - 1; i >= 0; i--) {
      int f = factors.get(i);
      int w = (width + f - 1) / f;
      int h = (height + f - 1) / f;
      if ((Math.max(w, h) >= SMALLEST_SIZE || i == factors.size() - 1) && limits.allows(w, h)) {
        sizes.add(new JsonObject().put("width", w).put("height", h));
      }
    }
    return sizes;
  }
}
