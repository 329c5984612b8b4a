package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * Render parameters after parsing and range checks (docs/api.md, parameters). Two requests that differ only in
 * spelling ({@code width=0200} vs {@code width=200}) give equal records, hence equal cache keys.
 *
 * @param width       box width in pixels (1..MAX_THUMBNAIL_SIDE); the image is fitted inside, never enlarged
 * @param height      box height in pixels
 * @param label       text drawn bottom-left, {@code ""} for none (absent and empty are the same)
 * @param median      fits2image "median" contrast mode (docs/rendering.md)
 * @param percentile  percentile in (0, 100] used by median mode
 * @param quality     JPEG quality 1..100 (unused for PNG)
 * @param orientation the legacy flip or north up from the WCS; the gateway already chose legacy for spectra
 * @param format      JPEG or PNG
 * @param planet      planet mode: a crop around the brightest spot with a square-root stretch
 * @param target      the frame's target name, which picks planet mode's gain; {@code ""} when not in planet mode
 * @param cutout      the cutout to make instead of a thumbnail, or null for a thumbnail
 * @param tile        the IIIF region to make instead of a thumbnail (docs/iiif.md), or null
 */
public record RenderParams(int width, int height, String label, boolean median, double percentile, int quality,
                           OrientationMode orientation, ImageFormat format, boolean planet, String target,
                           CutoutParams cutout, TileParams tile) {
  public static final int DEFAULT_SIDE = 200;
  public static final double DEFAULT_PERCENTILE = 99.5;
  public static final int DEFAULT_QUALITY = 80;

  public RenderParams {
    label = label == null ? "" : label;
    orientation = orientation == null ? OrientationMode.DEFAULT : orientation;
    format = format == null ? ImageFormat.DEFAULT : format;
    // The target only matters to planet mode: elsewhere it must not split the cache.
    target = planet && target != null ? target : "";
  }

  public RenderParams(int width, int height, String label, boolean median, double percentile, int quality,
                      OrientationMode orientation, ImageFormat format, boolean planet, String target,
                      CutoutParams cutout) {
    this(width, height, label, median, percentile, quality, orientation, format, planet, target, cutout, null);
  }

  /** A fits2image 0.4.6 thumbnail: legacy flip, JPEG, no planet mode. */
  public RenderParams(int width, int height, String label, boolean median, double percentile, int quality) {
    this(width, height, label, median, percentile, quality, OrientationMode.DEFAULT, ImageFormat.DEFAULT, false, "",
        null);
  }

  public static RenderParams defaults() {
    return new RenderParams(DEFAULT_SIDE, DEFAULT_SIDE, "", false, DEFAULT_PERCENTILE, DEFAULT_QUALITY);
  }

  public RenderParams withOrientation(OrientationMode mode) {
    return new RenderParams(width, height, label, median, percentile, quality, mode, format, planet, target, cutout, tile);
  }

  public RenderParams withFormat(ImageFormat encoding) {
    return new RenderParams(width, height, label, median, percentile, quality, orientation, encoding, planet, target,
        cutout, tile);
  }

  /** Planet mode for a frame whose target is {@code targetName} (null or empty when it has none). */
  public RenderParams withPlanet(String targetName) {
    return new RenderParams(width, height, label, median, percentile, quality, orientation, format, true,
        targetName == null ? "" : targetName, cutout, tile);
  }

  public RenderParams withCutout(CutoutParams box) {
    return new RenderParams(width, height, label, median, percentile, quality, orientation, format, planet, target,
        box, tile);
  }

  public RenderParams withTile(TileParams region) {
    return new RenderParams(width, height, label, median, percentile, quality, orientation, format, planet, target,
        cutout, region);
  }

  public JsonObject toJson() {
    var json = new JsonObject()
        .put("width", width).put("height", height).put("label", label)
        .put("median", median).put("percentile", percentile).put("quality", quality)
        .put("orientation", orientation.wireName()).put("format", format.wireName())
        .put("planet", planet).put("target", target);
    if (cutout != null) {
      json.put("cutout", cutout.toJson());
    }
    if (tile != null) {
      json.put("tile", tile.toJson());
    }
    return json;
  }

  public static RenderParams fromJson(JsonObject json) {
    var cutout = json.getJsonObject("cutout");
    var tile = json.getJsonObject("tile");
    return new RenderParams(json.getInteger("width"), json.getInteger("height"), json.getString("label", ""),
        json.getBoolean("median", false), json.getDouble("percentile"), json.getInteger("quality"),
        OrientationMode.parse(json.getString("orientation", OrientationMode.DEFAULT.wireName())),
        ImageFormat.parse(json.getString("format", ImageFormat.DEFAULT.wireName())),
        json.getBoolean("planet", false), json.getString("target", ""),
        cutout == null ? null : CutoutParams.fromJson(cutout), tile == null ? null : TileParams.fromJson(tile));
  }
}
