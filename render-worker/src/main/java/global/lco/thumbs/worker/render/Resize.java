package global.lco.thumbs.worker.render;

/**
 * Pillow's {@code Image.thumbnail(size, LANCZOS, reducing_gap=2.0)}: shrink-only fit inside a box,
 * a cheap integer box reduce down to about twice the target, then an antialiased Lanczos-3 resample.
 */
public final class Resize {

  /** Pillow's default reducing_gap for thumbnail: box-reduce until the remaining shrink is below 2×. */
  static final double REDUCING_GAP = 2.0;

  private Resize() {
  }

  /**
   * Pillow (≥ 9) thumbnail size rule: keep the aspect ratio, pick whichever of floor/ceil keeps it
   * closer (at least 1 px), and never enlarge an image that already fits.
   */
  public static Size fitInside(int w, int h, int boxW, int boxH) {
    if (boxW >= w && boxH >= h) {
      return new Size(w, h);
    }
    double aspect = (double) w / h;
    if ((double) boxW / boxH >= aspect) {
      double exact = boxH * aspect;
      int lo = (int) Math.floor(exact);
      int hi = (int) Math.ceil(exact);
      // Python's min() keeps the first of equal keys, so ties go to floor.
      int x = Math.abs(aspect - (double) hi / boxH) < Math.abs(aspect - (double) lo / boxH) ? hi : lo;
      return new Size(Math.max(x, 1), boxH);
    }
    double exact = boxW / aspect;
    int lo = (int) Math.floor(exact);
    int hi = (int) Math.ceil(exact);
    int y = heightError(aspect, boxW, hi) < heightError(aspect, boxW, lo) ? hi : lo;
    return new Size(boxW, Math.max(y, 1));
  }

  /** Pillow's key for the height choice; a zero height scores 0 there, and max(…, 1) then fixes it. */
  private static double heightError(double aspect, int width, int height) {
    return height == 0 ? 0 : Math.abs(aspect - (double) width / height);
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
}
