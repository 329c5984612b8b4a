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
    RowBands.run(oh, ow * 3L, (band, from, to) -> {
      for (int oy = from; oy < to; oy++) {
        int y = y0 + oy;
        int out = oy * ow * 3;
        for (int ox = 0; ox < ow; ox++) {
          int x = x0 + ox;
          rgb[out++] = red.pixels()[y * w + x];
          rgb[out++] = sample(green, x + gx, y + gy);
          rgb[out++] = sample(blue, x + bx, y + by);
        }
      }
    });
    return new Composite(rgb, ow, oh);
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
