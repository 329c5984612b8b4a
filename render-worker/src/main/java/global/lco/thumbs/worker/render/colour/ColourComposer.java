package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.render.RowBands;

/**
 * Stacks three equally sized channels into interleaved RGB, sampling green and blue at their
 * registered offsets (bilinear, so sub-pixel shifts stay sub-pixel). The result covers only the
 * area all three channels see, so no edge is left with a missing colour.
 */
public final class ColourComposer {

  /** The interleaved RGB composite. */
  public record Composite(byte[] rgb, int width, int height) {
  }

  private ColourComposer() {
  }

  public static Composite compose(Plane red, Plane green, Plane blue, Shift greenShift, Shift blueShift) {
    int w = red.width();
    int h = red.height();
    if (green.width() != w || blue.width() != w || green.height() != h || blue.height() != h) {
      throw new IllegalArgumentException("channels differ in size; centre-crop them first");
    }
    double gx = greenShift.dx();
    double gy = greenShift.dy();
    double bx = blueShift.dx();
    double by = blueShift.dy();
    // Reference pixels x whose shifted positions x + d stay inside [0, w − 1] for every channel.
    int x0 = (int) Math.ceil(Math.max(0, Math.max(-gx, -bx)));
    int x1 = (int) Math.floor(Math.min(w - 1, Math.min(w - 1 - gx, w - 1 - bx)));
    int y0 = (int) Math.ceil(Math.max(0, Math.max(-gy, -by)));
    int y1 = (int) Math.floor(Math.min(h - 1, Math.min(h - 1 - gy, h - 1 - by)));
    if (x1 < x0 || y1 < y0) {
      // Shifts as large as the frame cannot come from a confident registration; stack unaligned.
      return compose(red, green, blue, Shift.none(0), Shift.none(0));
    }
    int ow = x1 - x0 + 1;
    int oh = y1 - y0 + 1;
    byte[] rgb = new byte[ow * oh * 3];
    byte[] r = red.pixels();
    RowBands.run(oh, ow * 3L, (band, from, to) -> {
      for (int oy = from; oy < to; oy++) {
        int y = y0 + oy;
        int out = oy * ow * 3;
        for (int ox = 0; ox < ow; ox++) {
          rgb[out + 3 * ox] = r[y * w + x0 + ox];
        }
        shiftedRow(green, gx, gy, y, x0, ow, rgb, out + 1);
        shiftedRow(blue, bx, by, y, x0, ow, rgb, out + 2);
      }
    });
    return new Composite(rgb, ow, oh);
  }

  /**
   * One output row of a shifted channel into every third byte of {@code rgb}. The shift is the same
   * for every pixel, so the bilinear weights are too: the inner loop is four loads and a blend,
   * instead of {@link #sample}'s per-pixel floor and clamping, which stays for the last column/row.
   */
  private static void shiftedRow(Plane plane, double dx, double dy, int y, int x0, int ow, byte[] rgb, int out) {
    int w = plane.width();
    int h = plane.height();
    byte[] px = plane.pixels();
    int ix = (int) Math.floor(dx);
    int iy = (int) Math.floor(dy);
    double fx = dx - ix;
    double fy = dy - iy;
    int sy = y + iy;
    boolean rowInside = sy >= 0 && sy + 1 < h;
    for (int ox = 0; ox < ow; ox++, out += 3) {
      int x = x0 + ox;
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

  /** Bilinear sample at a position known to lie inside the plane. */
  static byte sample(Plane plane, double x, double y) {
    int w = plane.width();
    // The last column and row interpolate from their left/upper neighbour with weight 1 on themselves.
    int xi = Math.min((int) Math.floor(x), Math.max(0, w - 2));
    int yi = Math.min((int) Math.floor(y), Math.max(0, plane.height() - 2));
    double fx = x - xi;
    double fy = y - yi;
    byte[] px = plane.pixels();
    int xr = Math.min(xi + 1, w - 1);
    int yb = Math.min(yi + 1, plane.height() - 1);
    double top = (px[yi * w + xi] & 0xFF) * (1 - fx) + (px[yi * w + xr] & 0xFF) * fx;
    double bottom = (px[yb * w + xi] & 0xFF) * (1 - fx) + (px[yb * w + xr] & 0xFF) * fx;
    return (byte) Math.round(top * (1 - fy) + bottom * fy);
  }
}
