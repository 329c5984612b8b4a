package global.lco.thumbs.worker.render;

import global.lco.thumbs.shared.image.FitInside;

/**
 * Pillow's {@code Image.thumbnail(size, LANCZOS, reducing_gap=2.0)}: shrink-only fit inside a box,
 * a cheap integer box reduce down to about twice the target, then an antialiased Lanczos-3 resample.
 */
public final class Resize {

  /** Pillow's default reducing_gap for thumbnail: box-reduce until the remaining shrink is below 2×. */
  static final double REDUCING_GAP = 2.0;

  private Resize() {
  }

  /** Pillow (≥ 9) thumbnail size rule ({@link FitInside}): keep the aspect ratio, never enlarge. */
  public static Size fitInside(int w, int h, int boxW, int boxH) {
    var fitted = FitInside.of(w, h, boxW, boxH);
    return new Size(fitted.width(), fitted.height());
  }

  /** Shrinks an interleaved 8-bit image (1 or 3 channels) to exactly {@code dstW × dstH}. */
  public static byte[] thumbnail(byte[] src, int w, int h, int channels, int dstW, int dstH) {
    if (dstW == w && dstH == h) {
      return src.clone();
    }
    int factorX = reducingFactor(w, dstW);
    int factorY = reducingFactor(h, dstH);
    if (factorX == 1 && factorY == 1) {
      return LanczosResample.resample(src, w, h, channels, w, h, dstW, dstH);
    }
    byte[] reduced = BoxReduce.reduce(src, w, h, channels, factorX, factorY);
    return fromReduced(reduced, w, h, channels, factorX, factorY, dstW, dstH);
  }

  /** Pillow's {@code resize(size, LANCZOS)}: one antialiased Lanczos-3 resample, no box reduce first. */
  public static byte[] lanczos(byte[] src, int w, int h, int channels, int dstW, int dstH) {
    return LanczosResample.resample(src, w, h, channels, w, h, dstW, dstH);
  }

  /** The integer box-reduce factor Pillow applies first along an axis of {@code size} shrinking to {@code dst}. */
  public static int reducingFactor(int size, int dst) {
    return Math.max(1, (int) ((double) size / dst / REDUCING_GAP));
  }

  /**
   * The Lanczos step of {@link #thumbnail} on an image already box-reduced by {@code fx × fy} from
   * {@code w × h}: Pillow resamples the box (0, 0, w/fx, h/fy), where a partial edge box counts as
   * a fraction of a pixel, not a whole one, which keeps the geometry of the original frame.
   */
  public static byte[] fromReduced(byte[] reduced, int w, int h, int channels, int fx, int fy, int dstW, int dstH) {
    return LanczosResample.resample(reduced, BoxReduce.reducedSize(w, fx), BoxReduce.reducedSize(h, fy), channels,
        (double) w / fx, (double) h / fy, dstW, dstH);
  }

  /**
   * The box {@code [x0, x0 + rw) × [y0, y0 + rh)} of a frame scaled to {@code dstW × dstH} as a thumbnail of
   * the whole frame at that scale would show it: the frame is box-reduced from its origin by the factor
   * {@link #thumbnail} would use for this scale, then Lanczos-resampled with the pixels around the box as
   * context. Only the part of the frame the filter reaches is read. For the whole frame this is exactly
   * {@link #thumbnail}; boxes side by side join without seams.
   */
  public static byte[] region(byte[] src, int w, int h, int x0, int y0, int rw, int rh, int dstW, int dstH) {
    if (dstW == rw && dstH == rh) {
      return crop(src, w, x0, y0, rw, rh);
    }
    int fx = reducingFactor(rw, dstW);
    int fy = reducingFactor(rh, dstH);
    // The window of reduced pixels the filter can reach: the box plus its support, on the reduce grid.
    double bx0 = (double) x0 / fx;
    double by0 = (double) y0 / fy;
    double bx1 = (double) (x0 + rw) / fx;
    double by1 = (double) (y0 + rh) / fy;
    int marginX = (int) Math.ceil(LanczosResample.support((bx1 - bx0) / dstW)) + 2;
    int marginY = (int) Math.ceil(LanczosResample.support((by1 - by0) / dstH)) + 2;
    int wx0 = Math.max(0, (int) Math.floor(bx0) - marginX);
    int wy0 = Math.max(0, (int) Math.floor(by0) - marginY);
    int wx1 = Math.min(BoxReduce.reducedSize(w, fx), (int) Math.ceil(bx1) + marginX);
    int wy1 = Math.min(BoxReduce.reducedSize(h, fy), (int) Math.ceil(by1) + marginY);
    int sx0 = wx0 * fx;
    int sy0 = wy0 * fy;
    int sw = Math.min(w, wx1 * fx) - sx0;
    int sh = Math.min(h, wy1 * fy) - sy0;
    byte[] window = crop(src, w, sx0, sy0, sw, sh);
    byte[] reduced = fx == 1 && fy == 1 ? window : BoxReduce.reduce(window, sw, sh, 1, fx, fy);
    int rw2 = BoxReduce.reducedSize(sw, fx);
    int rh2 = BoxReduce.reducedSize(sh, fy);
    // Where the window reaches the frame's right or bottom edge, its last box is the frame's partial one.
    double right = wx1 * fx >= w ? Math.min(bx1, (double) w / fx) : bx1;
    double bottom = wy1 * fy >= h ? Math.min(by1, (double) h / fy) : by1;
    return LanczosResample.resample(reduced, rw2, rh2, 1, bx0 - wx0, by0 - wy0, right - wx0, bottom - wy0, dstW, dstH);
  }

  private static byte[] crop(byte[] src, int w, int x0, int y0, int cw, int ch) {
    if (x0 == 0 && y0 == 0 && cw == w && ch * w == src.length) {
      return src;
    }
    byte[] out = new byte[cw * ch];
    for (int y = 0; y < ch; y++) {
      System.arraycopy(src, (y0 + y) * w + x0, out, y * cw, cw);
    }
    return out;
  }
}
