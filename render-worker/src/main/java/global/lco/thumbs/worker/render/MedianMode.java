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
    if (img.length == 0) {
      return;
    }
    double median = hist.median();
    double top = subtractedPercentile(hist, median, percentile);
    if (top == 0) {
      return;
    }
    // Every output depends only on the input byte, so the whole mode collapses into a 256-entry table.
    byte[] lut = new byte[256];
    for (int v = 0; v < 256; v++) {
      double s = Math.max(0.0, v - median);
      double scaled = s * 255.0 / top;
      lut[v] = (byte) (int) Math.min(255.0, scaled);
    }
    RowBands.run(Chunks.count(img.length), Chunks.SIZE, (band, from, to) -> {
      int end = Chunks.end(to, img.length);
      for (int i = from * Chunks.SIZE; i < end; i++) {
        img[i] = lut[img[i] & 0xFF];
      }
    });
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
