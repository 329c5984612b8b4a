package global.lco.thumbs.worker.render;

import global.lco.thumbs.worker.pixels.RowBands;

/**
 * fits2image "median" contrast mode on the stretched 8-bit image: subtract the image median,
 * clip at 0, then stretch so the given percentile of what remains becomes white.
 */
public final class MedianMode {

  private MedianMode() {
  }

  /** Rewrites {@code img} in place; leaves it unchanged when the percentile of the subtracted image is 0. */
  public static void apply(byte[] img, double percentile) {
    if (img.length == 0) {
      return;
    }
    apply(img, percentile, ByteHistogram.of(img));
  }

  /** As {@link #apply(byte[], double)}, with the image's histogram counted while it was stretched. */
  static void apply(byte[] img, double percentile, ByteHistogram hist) {
    byte[] lut = table(hist, percentile);
    if (img.length == 0 || lut == null) {
      return;
    }
    RowBands.run(Chunks.count(img.length), Chunks.SIZE, (band, from, to) -> {
      int end = Chunks.end(to, img.length);
      for (int i = from * Chunks.SIZE; i < end; i++) {
        img[i] = lut[img[i] & 0xFF];
      }
    });
  }

  /**
   * {@link #apply(byte[], double, ByteHistogram)} on a {@code w × h} image and, in the same pass,
   * Pillow's box reduce of the result by {@code fx × fy} ({@link BoxReduce#reduce}), which it returns:
   * each row goes into its box row's column sums while it is still in cache, instead of a second
   * pass over the whole frame.
   */
  static byte[] applyReduced(byte[] img, int w, int h, double percentile, ByteHistogram hist, int fx, int fy) {
    byte[] lut = img.length == 0 ? null : table(hist, percentile);
    if (lut == null) {
      return BoxReduce.reduce(img, w, h, 1, fx, fy);
    }
    return BoxReduce.reduceRows(w, h, 1, fx, fy, () -> (y, columns) -> {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        byte v = lut[img[row + x] & 0xFF];
        img[row + x] = v;
        columns[x] += v & 0xFF;
      }
    });
  }

  /** The mode as a 256-entry table (every output depends only on the input byte), or null when it changes nothing. */
  private static byte[] table(ByteHistogram hist, double percentile) {
    if (hist.total() == 0) {
      return null;
    }
    double median = hist.median();
    double top = subtractedPercentile(hist, median, percentile);
    if (top == 0) {
      return null;
    }
    byte[] lut = new byte[256];
    for (int v = 0; v < 256; v++) {
      double s = Math.max(0.0, v - median);
      double scaled = s * 255.0 / top;
      lut[v] = (byte) (int) Math.min(255.0, scaled);
    }
    return lut;
  }

  /**
   * numpy.percentile (linear method) of max(0, img − median). Subtracting and clipping is
   * monotone, so the k-th value of the subtracted image is the clipped k-th value of the original.
   */
  static double subtractedPercentile(ByteHistogram hist, double median, double percentile) {
    long n = hist.total();
    double virtualIndex = (n - 1) * (percentile / 100.0);
    long lo = (long) Math.floor(virtualIndex);
    lo = Math.max(0, Math.min(lo, n - 1));
    long hi = Math.min(lo + 1, n - 1);
    double t = virtualIndex - lo;
    double a = Math.max(0.0, hist.kth(lo) - median);
    double b = Math.max(0.0, hist.kth(hi) - median);
    return lerp(a, b, t);
  }

  /** numpy's _lerp: interpolates from the nearer end so t = 1 returns b exactly. */
  static double lerp(double a, double b, double t) {
    double diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
