package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A thumbnail request's query, parsed strictly (docs/api.md, parameters): the first of repeated parameters
 * wins, unknown ones are ignored, anything unparseable or out of range is a 400 naming the parameter.
 */
public record ThumbnailQuery(RenderParams params, boolean color, boolean image) {
  public static final int MAX_LABEL_LENGTH = 256;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

  public static ThumbnailQuery parse(MultiMap query, int maxSide) {
    return parse(query, maxSide, OrientationMode.DEFAULT);
  }

  /** @param defaultOrientation THUMBNAIL_ORIENTATION, used when the query has no {@code orient} */
  public static ThumbnailQuery parse(MultiMap query, int maxSide, OrientationMode defaultOrientation) {
    var label = query.get("label");
    if (label != null && label.codePointCount(0, label.length()) > MAX_LABEL_LENGTH) {
      throw bad("label", "must be at most " + MAX_LABEL_LENGTH + " characters");
    }
    var params = new RenderParams(
        integer(query, "width", RenderParams.DEFAULT_SIDE, 1, maxSide),
        integer(query, "height", RenderParams.DEFAULT_SIDE, 1, maxSide),
        label,
        bool(query, "median"),
        percentile(query),
        integer(query, "quality", RenderParams.DEFAULT_QUALITY, 1, 100))
        .withOrientation(orientation(query, defaultOrientation))
        .withFormat(format(query));
    // The target is the frame's, known after the archive lookup; the handler fills it in.
    return new ThumbnailQuery(bool(query, "planet") ? params.withPlanet("") : params, bool(query, "color"),
        bool(query, "image"));
  }

  /**
   * The query as one frame needs it: a spectrum keeps the legacy flip whatever was asked (its axes are
   * not the sky's, so it shares the legacy key), and planet mode takes the frame's target name.
   */
  ThumbnailQuery forFrame(ArchiveFrame frame) {
    var p = frame.spectrum() ? params.withOrientation(OrientationMode.LEGACY) : params;
    return new ThumbnailQuery(p.planet() ? p.withPlanet(frame.targetName()) : p, color, image);
  }

  static OrientationMode orientation(MultiMap query, OrientationMode dflt) {
    var v = query.get("orient");
    try {
      return v == null ? dflt : OrientationMode.parse(v);
    } catch (IllegalArgumentException unknown) {
      throw bad("orient", unknown.getMessage());
    }
  }

  static ImageFormat format(MultiMap query) {
    var v = query.get("format");
    try {
      return v == null ? ImageFormat.DEFAULT : ImageFormat.parse(v);
    } catch (IllegalArgumentException unknown) {
      throw bad("format", unknown.getMessage());
    }
  }

  static int integer(MultiMap query, String name, int dflt, int min, int max) {
    var v = query.get(name);
    if (v == null) {
      return dflt;
    }
    var rule = "must be an integer from " + min + " to " + max;
    if (!INTEGER.matcher(v).matches()) {
      throw bad(name, rule);
    }
    try {
      var parsed = Long.parseLong(v);
      if (parsed >= min && parsed <= max) {
        return (int) parsed;
      }
    } catch (NumberFormatException tooLong) {
      // out of range, reported below
    }
    throw bad(name, rule);
  }

  private static double percentile(MultiMap query) {
    var v = query.get("percentile");
    if (v == null) {
      return RenderParams.DEFAULT_PERCENTILE;
    }
    var rule = "must be a decimal number greater than 0 and at most 100";
    if (!DECIMAL.matcher(v).matches()) {
      throw bad("percentile", rule);
    }
    var parsed = Double.parseDouble(v);
    if (!(parsed > 0 && parsed <= 100)) {
      throw bad("percentile", rule);
    }
    return parsed;
  }

  static boolean bool(MultiMap query, String name) {
    var v = query.get(name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off", "" -> false;
      default -> throw bad(name, "must be one of true/false/1/0/yes/no/on/off");
    };
  }

  static Problem bad(String name, String rule) {
    return Failure.BAD_PARAMETER.problem("Invalid parameter '" + name + "': " + rule);
  }
}
