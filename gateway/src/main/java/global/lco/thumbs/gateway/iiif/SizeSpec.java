package global.lco.thumbs.gateway.iiif;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.image.FitInside;
import java.util.regex.Pattern;

/**
 * A IIIF size: {@code max}, {@code w,}, {@code ,h}, {@code pct:n}, {@code w,h} or {@code !w,h}, each may be
 * prefixed with {@code ^} to allow upscaling. Sizes the limits can never allow are refused at parsing;
 * the rest is resolved against the region. {@code !w,h} and {@code max} fit with the thumbnail's size
 * rule, so {@code full/!w,h} is the thumbnail of box w×h, pixel for pixel.
 */
public record SizeSpec(Kind kind, boolean upscale, int w, int h, double percent) {
  enum Kind { MAX, WIDTH, HEIGHT, PERCENT, EXACT, CONFINED }

  /** Width and height of a scaled region. */
  public record Scaled(int width, int height) {
  }

  private static final Pattern WIDTH = Pattern.compile("([0-9]{1,9}),");
  private static final Pattern HEIGHT = Pattern.compile(",([0-9]{1,9})");
  private static final Pattern BOTH = Pattern.compile("(!?)([0-9]{1,9}),([0-9]{1,9})");
  private static final Pattern PERCENT = Pattern.compile("pct:([0-9]{1,9}(?:\\.[0-9]{1,9})?)");

  public static SizeSpec parse(String text, ImageLimits limits) {
    boolean up = text.startsWith("^");
    var rest = up ? text.substring(1) : text;
    SizeSpec spec;
    Matcher m;
    if ("max".equals(rest)) {
      spec = new SizeSpec(Kind.MAX, up, 0, 0, 0);
    } else if ((m = new Matcher(WIDTH, rest)).ok()) {
      spec = new SizeSpec(Kind.WIDTH, up, m.integer(1), 0, 0);
    } else if ((m = new Matcher(HEIGHT, rest)).ok()) {
      spec = new SizeSpec(Kind.HEIGHT, up, 0, m.integer(1), 0);
    } else if ((m = new Matcher(BOTH, rest)).ok()) {
      spec = new SizeSpec(m.group(1).isEmpty() ? Kind.EXACT : Kind.CONFINED, up, m.integer(2), m.integer(3), 0);
    } else if ((m = new Matcher(PERCENT, rest)).ok()) {
      spec = new SizeSpec(Kind.PERCENT, up, 0, 0, Double.parseDouble(m.group(1)));
    } else {
      throw bad("must be max, w,, ,h, pct:n, w,h or !w,h, optionally after ^");
    }
    if ((spec.kind == Kind.PERCENT && spec.percent <= 0) || (spec.kind != Kind.MAX && spec.kind != Kind.PERCENT
        && spec.kind != Kind.HEIGHT && spec.w == 0) || (spec.kind != Kind.MAX && spec.kind != Kind.PERCENT
        && spec.kind != Kind.WIDTH && spec.h == 0)) {
      throw bad("must be greater than 0");
    }
    if (spec.kind == Kind.PERCENT && !up && spec.percent > 100) {
      throw bad("above 100% needs ^ (upscaling)");
    }
    if (spec.w > limits.maxWidth() || spec.h > limits.maxHeight()
        || (spec.kind == Kind.EXACT && (long) spec.w * spec.h > limits.maxArea())) {
      throw bad("larger than maxWidth " + limits.maxWidth() + ", maxHeight " + limits.maxHeight() + " or maxArea "
          + limits.maxArea());
    }
    return spec;
  }

  /** The size a {@code rw × rh} region is scaled to; 400 when it would upscale without ^ or pass the limits. */
  public Scaled resolve(int rw, int rh, ImageLimits limits) {
    long ow;
    long oh;
    switch (kind) {
      case MAX -> {
        var most = largest(rw, rh, limits);
        return upscale ? most : fitted(rw, rh, most);
      }
      case WIDTH -> {
        ow = w;
        oh = Math.max(1, Math.round((double) rh * w / rw));
      }
      case HEIGHT -> {
        oh = h;
        ow = Math.max(1, Math.round((double) rw * h / rh));
      }
      case PERCENT -> {
        ow = Math.max(1, Math.round(rw * percent / 100));
        oh = Math.max(1, Math.round(rh * percent / 100));
      }
      case EXACT -> {
        ow = w;
        oh = h;
      }
      default -> {
        if (w >= rw && h >= rh && upscale) {
          double scale = Math.min((double) w / rw, (double) h / rh);
          ow = Math.max(1, Math.min(w, Math.round(rw * scale)));
          oh = Math.max(1, Math.min(h, Math.round(rh * scale)));
        } else {
          var fit = FitInside.of(rw, rh, w, h);
          ow = fit.width();
          oh = fit.height();
        }
      }
    }
    if (!upscale && (ow > rw || oh > rh)) {
      throw bad("larger than the region of " + rw + "x" + rh + " pixels needs ^ (upscaling)");
    }
    if (!limits.allows(ow, oh)) {
      throw bad(ow + "x" + oh + " is larger than maxWidth " + limits.maxWidth() + ", maxHeight "
          + limits.maxHeight() + " or maxArea " + limits.maxArea());
    }
    return new Scaled((int) ow, (int) oh);
  }

  /** The largest size of the region the limits allow, keeping its aspect ratio (may upscale). */
  static Scaled largest(int rw, int rh, ImageLimits limits) {
    double scale = Math.min((double) limits.maxWidth() / rw, (double) limits.maxHeight() / rh);
    scale = Math.min(scale, Math.sqrt((double) limits.maxArea() / ((double) rw * rh)));
    long ow = Math.max(1, (long) Math.floor(rw * scale));
    long oh = Math.max(1, (long) Math.floor(rh * scale));
    return new Scaled((int) Math.min(ow, limits.maxWidth()), (int) Math.min(oh, limits.maxHeight()));
  }

  /** {@code max} without ^: the region itself when the limits allow it, else fitted inside them like a thumbnail. */
  private static Scaled fitted(int rw, int rh, Scaled most) {
    if (most.width() >= rw && most.height() >= rh) {
      return new Scaled(rw, rh);
    }
    var fit = FitInside.of(rw, rh, most.width(), most.height());
    return new Scaled(fit.width(), fit.height());
  }

  static Problem bad(String rule) {
    return Failure.BAD_PARAMETER.problem("Invalid IIIF size: " + rule);
  }

  /** A regex match whose groups are read as bounded integers. */
  private static final class Matcher {
    private final java.util.regex.Matcher m;

    Matcher(Pattern pattern, String text) {
      this.m = pattern.matcher(text);
    }

    boolean ok() {
      return m.matches();
    }

    String group(int i) {
      return m.group(i);
    }

    int integer(int i) {
      return Integer.parseInt(m.group(i));
    }
  }
}
