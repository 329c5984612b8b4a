package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.contract.CutoutParams;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import io.vertx.core.MultiMap;
import java.util.regex.Pattern;

/**
 * A cutout's query ({@code /cutout/{basename}/}), parsed as strictly as a thumbnail's: {@code x},
 * {@code y} (required), {@code width}, {@code height}, {@code zoom}, {@code sigma}, {@code ticks}, and
 * the thumbnail's {@code quality}, {@code format} and {@code orient}. The answer is always the image.
 */
final class CutoutQuery {
  /** Centres further out than this cannot overlap any frame the decoder accepts. */
  static final int MAX_CENTRE = 1_000_000;
  static final double MAX_SIGMA = 1_000_000;
  private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

  private CutoutQuery() {
  }

  static ThumbnailQuery parse(MultiMap query, int maxSide, OrientationMode defaultOrientation) {
    int x = required(query, "x");
    int y = required(query, "y");
    int width = ThumbnailQuery.integer(query, "width", CutoutParams.DEFAULT_SIDE, 1, maxSide);
    int height = ThumbnailQuery.integer(query, "height", CutoutParams.DEFAULT_SIDE, 1, maxSide);
    double zoom = positive(query, "zoom", CutoutParams.DEFAULT_ZOOM, Double.MAX_VALUE);
    // The picture must obey the same side limit as a thumbnail.
    if (Math.round(width * zoom) > maxSide || Math.round(height * zoom) > maxSide) {
      throw ThumbnailQuery.bad("zoom", "makes the cutout larger than " + maxSide + " pixels a side");
    }
    var box = new CutoutParams(x, y, width, height, zoom, positive(query, "sigma", CutoutParams.DEFAULT_SIGMA, MAX_SIGMA),
        ThumbnailQuery.bool(query, "ticks"));
    // Size, label and median belong to thumbnails: they keep their defaults, so they cannot split the cache.
    var params = new RenderParams(RenderParams.DEFAULT_SIDE, RenderParams.DEFAULT_SIDE, "", false,
        RenderParams.DEFAULT_PERCENTILE, ThumbnailQuery.integer(query, "quality", RenderParams.DEFAULT_QUALITY, 1, 100),
        ThumbnailQuery.orientation(query, defaultOrientation), ThumbnailQuery.format(query), false, "", box);
    return new ThumbnailQuery(params, false, true);
  }

  private static int required(MultiMap query, String name) {
    if (query.get(name) == null) {
      throw ThumbnailQuery.bad(name, "is required: an integer from " + -MAX_CENTRE + " to " + MAX_CENTRE);
    }
    return ThumbnailQuery.integer(query, name, 0, -MAX_CENTRE, MAX_CENTRE);
  }

  private static double positive(MultiMap query, String name, double dflt, double max) {
    var v = query.get(name);
    if (v == null) {
      return dflt;
    }
    var rule = "must be a decimal number greater than 0" + (max < Double.MAX_VALUE ? " and at most " + (long) max : "");
    if (!DECIMAL.matcher(v).matches()) {
      throw ThumbnailQuery.bad(name, rule);
    }
    double parsed = Double.parseDouble(v);
    if (!(parsed > 0 && parsed <= max)) {
      throw ThumbnailQuery.bad(name, rule);
    }
    return parsed;
  }
}
