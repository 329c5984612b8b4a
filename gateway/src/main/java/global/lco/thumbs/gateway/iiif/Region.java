package global.lco.thumbs.gateway.iiif;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import java.util.regex.Pattern;

/**
 * A IIIF region: {@code full}, {@code square}, {@code x,y,w,h} or {@code pct:x,y,w,h}. Parsed without the
 * image (syntax errors are 400 before the archive is asked), resolved against its size later.
 */
public record Region(Kind kind, double x, double y, double w, double h) {
  enum Kind { FULL, SQUARE, PIXELS, PERCENT }

  /** A box of picture pixels, inside the picture. */
  public record Box(int x, int y, int width, int height) {
  }

  /** At most 9 digits: a 10 000-digit number is refused by the pattern, never parsed. */
  private static final Pattern PIXELS = Pattern.compile("([0-9]{1,9}),([0-9]{1,9}),([0-9]{1,9}),([0-9]{1,9})");
  private static final String DECIMAL = "([0-9]{1,9}(?:\\.[0-9]{1,9})?)";
  private static final Pattern PERCENT = Pattern.compile("pct:" + DECIMAL + "," + DECIMAL + "," + DECIMAL + ","
      + DECIMAL);

  public static Region parse(String text) {
    if ("full".equals(text)) {
      return new Region(Kind.FULL, 0, 0, 0, 0);
    }
    if ("square".equals(text)) {
      return new Region(Kind.SQUARE, 0, 0, 0, 0);
    }
    var px = PIXELS.matcher(text);
    var kind = Kind.PIXELS;
    if (!px.matches()) {
      px = PERCENT.matcher(text);
      kind = Kind.PERCENT;
      if (!px.matches()) {
        throw bad("must be full, square, x,y,w,h or pct:x,y,w,h with non-negative numbers");
      }
    }
    var r = new Region(kind, Double.parseDouble(px.group(1)), Double.parseDouble(px.group(2)),
        Double.parseDouble(px.group(3)), Double.parseDouble(px.group(4)));
    if (r.w <= 0 || r.h <= 0) {
      throw bad("width and height must be greater than 0");
    }
    if (kind == Kind.PERCENT && (r.x >= 100 || r.y >= 100 || r.w > 100 || r.h > 100)) {
      throw bad("percentages must lie within the image");
    }
    return r;
  }

  /** The pixels of a {@code width × height} picture this region covers, trimmed to it. */
  public Box resolve(int width, int height) {
    return switch (kind) {
      case FULL -> new Box(0, 0, width, height);
      case SQUARE -> {
        int side = Math.min(width, height);
        yield new Box((width - side) / 2, (height - side) / 2, side, side);
      }
      case PIXELS -> trimmed((long) x, (long) y, (long) w, (long) h, width, height);
      case PERCENT -> trimmed((long) Math.floor(x * width / 100), (long) Math.floor(y * height / 100),
          Math.max(1, Math.round(w * width / 100)), Math.max(1, Math.round(h * height / 100)), width, height);
    };
  }

  private static Box trimmed(long x0, long y0, long w0, long h0, int width, int height) {
    if (x0 >= width || y0 >= height) {
      throw bad("lies outside the image of " + width + "x" + height + " pixels");
    }
    return new Box((int) x0, (int) y0, (int) Math.min(w0, width - x0), (int) Math.min(h0, height - y0));
  }

  static Problem bad(String rule) {
    return Failure.BAD_PARAMETER.problem("Invalid IIIF region: " + rule);
  }
}
