package global.lco.thumbs.worker.orient;

import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.pixels.RowBands;

/**
 * A picture turned to the nearest 90°: mirrored left-right first (when {@code mirror}), then turned
 * {@code quarterTurns} times by 90° counter-clockwise, as Pillow's {@code FLIP_LEFT_RIGHT} and
 * {@code ROTATE_90} do. Pictures have row 0 at the top. Eight such turns exist; they compose like the
 * symmetries of a square.
 */
public record Turn(boolean mirror, int quarterTurns) {
  public static final Turn NONE = new Turn(false, 0);
  /** fits2image 0.4.6's vertical flip, the same as a mirror and a half turn. */
  public static final Turn LEGACY_FLIP = new Turn(true, 2);

  public Turn {
    quarterTurns = Math.floorMod(quarterTurns, 4);
  }

  /** An odd number of quarter turns swaps width and height. */
  public boolean swapsSides() {
    return (quarterTurns & 1) == 1;
  }

  /** This turn done after {@code first}: {@code this.after(first).apply(p) == this.apply(first.apply(p))}. */
  public Turn after(Turn first) {
    // A mirror reverses the sense of any turn that precedes it: M·R^k = R^(-k)·M.
    int moved = mirror ? -first.quarterTurns : first.quarterTurns;
    return new Turn(mirror != first.mirror, quarterTurns + moved);
  }

  /**
   * What is left to do on a picture that already had the legacy flip (every stretched plane has:
   * the flip is fused into the stretch) so that it ends up turned by this turn from the FITS order.
   */
  public Turn afterLegacyFlip() {
    // The flip undoes itself, so turning the flipped picture by this·flip turns the FITS picture by this.
    return after(LEGACY_FLIP);
  }

  public int width(int w, int h) {
    return swapsSides() ? h : w;
  }

  public int height(int w, int h) {
    return swapsSides() ? w : h;
  }

  /** The plane turned; the plane itself when there is nothing to do. */
  public Plane apply(Plane plane) {
    if (equals(NONE)) {
      return plane;
    }
    byte[] out = apply(plane.pixels(), plane.width(), plane.height(), 1);
    return new Plane(out, width(plane.width(), plane.height()), height(plane.width(), plane.height()));
  }

  /** An interleaved image ({@code channels} bytes a pixel) turned into a new array; the sides follow {@link #width}. */
  public byte[] apply(byte[] img, int w, int h, int channels) {
    if (equals(NONE)) {
      return img.clone();
    }
    PixelMap map = PixelMap.of(this, w, h);
    int outW = width(w, h);
    byte[] out = new byte[img.length];
    RowBands.run(h, w, (band, from, to) -> {
      for (int y = from; y < to; y++) {
        int x0 = map.x(0, y);
        int y0 = map.y(0, y);
        int src = y * w * channels;
        for (int x = 0; x < w; x++, src += channels) {
          // The map is affine, so each step along a source row is one fixed step in the output.
          int dst = ((y0 + map.dyPerX * x) * outW + x0 + map.dxPerX * x) * channels;
          for (int c = 0; c < channels; c++) {
            out[dst + c] = img[src + c];
          }
        }
      }
    });
    return out;
  }

  /** Where a source pixel (x, y) lands, as the affine map {@code (ax·x + bx·y + cx, ay·x + by·y + cy)}. */
  private record PixelMap(int dxPerX, int bx, int cx, int dyPerX, int by, int cy) {

    static PixelMap of(Turn turn, int w, int h) {
      int ax = 1;
      int bx = 0;
      int cx = 0;
      int ay = 0;
      int by = 1;
      int cy = 0;
      int width = w;
      int height = h;
      if (turn.mirror) {
        ax = -ax;
        bx = -bx;
        cx = width - 1 - cx;
      }
      for (int k = 0; k < turn.quarterTurns; k++) {
        // Counter-clockwise on a width × height picture: (x, y) → (y, width − 1 − x).
        int nax = ay;
        int nbx = by;
        int ncx = cy;
        ay = -ax;
        by = -bx;
        cy = width - 1 - cx;
        ax = nax;
        bx = nbx;
        cx = ncx;
        int swap = width;
        width = height;
        height = swap;
      }
      return new PixelMap(ax, bx, cx, ay, by, cy);
    }

    int x(int x, int y) {
      return dxPerX * x + bx * y + cx;
    }

    int y(int x, int y) {
      return dyPerX * x + by * y + cy;
    }
  }
}
