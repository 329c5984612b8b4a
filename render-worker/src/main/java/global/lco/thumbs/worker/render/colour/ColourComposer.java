package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

import global.lco.thumbs.worker.pixels.RowBands;

/**
 * Stacks three equally sized channels into interleaved RGB with green and blue taken at their
 * registered offsets. Whole pixels of an offset crop the composite to the area all three channels
 * see; the fraction left over is sampled bilinearly, clamped at the edge, so a sub-pixel offset
 * never costs a row or column. Offsets of zero copy the channels untouched.
 */
public final class ColourComposer {

  /** The interleaved RGB composite. */
  public record Composite(byte[] rgb, int width, int height) {
  }

  private ColourComposer() {
  }

  public static Composite compose(Plane red, Plane green, Plane blue, Shift greenShift, Shift blueShift) {
    Plane[] common = commonArea(red, green, blue, greenShift, blueShift);
    if (common == null) {
      // Offsets as large as the frame cannot come from a sound registration; stack unaligned.
      return stack(red, green, blue, 0, 0, 0, 0);
    }
    return stack(common[0], common[1], common[2], greenShift.dx() - greenShift.wholeX(),
        greenShift.dy() - greenShift.wholeY(), blueShift.dx() - blueShift.wholeX(), blueShift.dy() - blueShift.wholeY());
  }

  /**
   * The parts of the three channels that show the same area once green and blue are moved by the
   * whole pixels of their offsets, as three planes of one size; null when they share nothing.
   */
  public static Plane[] commonArea(Plane red, Plane green, Plane blue, Shift greenShift, Shift blueShift) {
    int w = red.width();
    int h = red.height();
    if (green.width() != w || blue.width() != w || green.height() != h || blue.height() != h) {
      throw new IllegalArgumentException("channels differ in size; centre-crop them first");
    }
    int gx = greenShift.wholeX();
    int gy = greenShift.wholeY();
    int bx = blueShift.wholeX();
    int by = blueShift.wholeY();
    // Reference pixels x whose moved positions x + whole stay inside [0, w − 1] for every channel.
    int x0 = Math.max(0, Math.max(-gx, -bx));
    int x1 = Math.min(w - 1, Math.min(w - 1 - gx, w - 1 - bx));
    int y0 = Math.max(0, Math.max(-gy, -by));
    int y1 = Math.min(h - 1, Math.min(h - 1 - gy, h - 1 - by));
    if (x1 < x0 || y1 < y0) {
      return null;
    }
    int ow = x1 - x0 + 1;
    int oh = y1 - y0 + 1;
    return new Plane[] {red.crop(x0, y0, ow, oh), green.crop(x0 + gx, y0 + gy, ow, oh), blue.crop(x0 + bx, y0 + by, ow, oh)};
  }

  /**
   * Interleaves three equally sized planes, green and blue sampled at {@code (x + f, y + f)} for
   * their sub-pixel offsets (each in (−1, 1)).
   */
  public static Composite stack(Plane red, Plane green, Plane blue, double greenX, double greenY, double blueX,
                                double blueY) {
    int w = red.width();
    int h = red.height();
    byte[] rgb = new byte[w * h * 3];
    byte[] r = red.pixels();
    RowBands.run(h, w * 3L, (band, from, to) -> {
      for (int y = from; y < to; y++) {
        int out = y * w * 3;
        for (int x = 0; x < w; x++) {
          rgb[out + 3 * x] = r[y * w + x];
        }
        shiftedRow(green, greenX, greenY, y, rgb, out + 1, 3);
        shiftedRow(blue, blueX, blueY, y, rgb, out + 2, 3);
      }
    });
    return new Composite(rgb, w, h);
  }

  /**
   * A channel moved by a sub-pixel offset as {@link #stack} moves it, as a plane of its own (the
   * same plane when there is nothing to move): the full-resolution composite of IIIF tiles is kept
   * per channel, and building it this way holds no interleaved copy.
   */
  public static Plane shifted(Plane plane, double dx, double dy) {
    if (dx == 0 && dy == 0) {
      return plane;
    }
    int w = plane.width();
    byte[] out = new byte[w * plane.height()];
    RowBands.run(plane.height(), w, (band, from, to) -> {
      for (int y = from; y < to; y++) {
        shiftedRow(plane, dx, dy, y, out, y * w, 1);
      }
    });
    return new Plane(out, w, plane.height());
  }

  /**
   * One output row of a shifted channel into every {@code step}th byte of {@code rgb} (3 for an
   * interleaved picture, 1 for a plane). The offset is the
   * same for every pixel, so the bilinear weights are too: inside the plane the loop is four loads
   * and a blend; {@link #sample} (clamped) covers the columns and rows whose source is outside.
   */
  private static void shiftedRow(Plane plane, double dx, double dy, int y, byte[] rgb, int out, int step) {
    int w = plane.width();
    int h = plane.height();
    byte[] px = plane.pixels();
    if (dx == 0 && dy == 0) {
      for (int x = 0, row = y * w; x < w; x++, out += step) {
        rgb[out] = px[row + x];
      }
      return;
    }
    int ix = (int) Math.floor(dx);
    int iy = (int) Math.floor(dy);
    double fx = dx - ix;
    double fy = dy - iy;
    int sy = y + iy;
    boolean rowInside = sy >= 0 && sy + 1 < h;
    for (int x = 0; x < w; x++, out += step) {
      int sx = x + ix;
      if (rowInside && sx >= 0 && sx + 1 < w) {
        int top = sy * w + sx;
        int bottom = top + w;
        double t = (px[top] & 0xFF) * (1 - fx) + (px[top + 1] & 0xFF) * fx;
        double b = (px[bottom] & 0xFF) * (1 - fx) + (px[bottom + 1] & 0xFF) * fx;
        rgb[out] = (byte) Math.round(t * (1 - fy) + b * fy);
      } else {
        rgb[out] = sample(plane, x + dx, y + dy);
      }
    }
  }

  /** Bilinear sample, the position first clamped into the plane (the edge pixel stands in for what is beyond). */
  static byte sample(Plane plane, double x, double y) {
    int w = plane.width();
    int h = plane.height();
    double cx = Math.max(0, Math.min(w - 1, x));
    double cy = Math.max(0, Math.min(h - 1, y));
    // The last column and row interpolate from their left/upper neighbour with weight 1 on themselves.
    int xi = Math.min((int) Math.floor(cx), Math.max(0, w - 2));
    int yi = Math.min((int) Math.floor(cy), Math.max(0, h - 2));
    double fx = cx - xi;
    double fy = cy - yi;
    byte[] px = plane.pixels();
    int xr = Math.min(xi + 1, w - 1);
    int yb = Math.min(yi + 1, h - 1);
    double top = (px[yi * w + xi] & 0xFF) * (1 - fx) + (px[yi * w + xr] & 0xFF) * fx;
    double bottom = (px[yb * w + xi] & 0xFF) * (1 - fx) + (px[yb * w + xr] & 0xFF) * fx;
    return (byte) Math.round(top * (1 - fy) + bottom * fy);
  }
}
