package global.lco.thumbs.worker.render;

import global.lco.thumbs.worker.pixels.RowBands;

import java.util.Arrays;

/**
 * fits2image 0.4.6 intensity stretch: a zscale-like window from a strided sample of the frame,
 * then a linear map of that window onto 0..255 followed by the gamma table.
 */
public final class Stretch {

  static final int SAMPLE_COUNT = 2000;
  static final double CONTRAST = 0.1;

  /**
   * Adding and subtracting 1.5·2^52 makes the FPU drop the fraction with its own round-half-even
   * mode; Java fixes that mode, so for 0 ≤ t < 2^51 the result is exactly {@link Math#rint}, at the
   * cost of two additions instead of a library call in the hot loop.
   */
  private static final double RINT_MAGIC = 0x1.8p52;

  private Stretch() {
  }

  /** The fits2image window; an image with no finite pixel gets (0, 1) rather than an exception. */
  public static Window window(float[] px, int w, int h) {
    double[] samples = samples(px, w, h);
    int n = samples.length;
    if (n == 0) {
      return new Window(0, 1);
    }
    double zmin = median(samples);
    double zmax = Math.min(samples[n - 1], fittedTop(samples));
    if (!(zmax > zmin)) {
      zmax = zmin + 1;
      zmin = zmin - 1;
    }
    return new Window(zmin, zmax);
  }

  /** Sorted finite samples at flattened indices stride, 2·stride, … (fits2image starts at stride, not 0). */
  static double[] samples(float[] px, int w, int h) {
    long total = (long) w * h;
    long stride = total / SAMPLE_COUNT;
    double[] out;
    int n = 0;
    if (stride == 0) {
      out = new double[(int) total];
      for (int i = 0; i < total; i++) {
        float v = px[i];
        if (Float.isFinite(v)) {
          out[n++] = v;
        }
      }
    } else {
      out = new double[(int) ((total - 1) / stride)];
      for (long i = stride; i < total; i += stride) {
        float v = px[(int) i];
        if (Float.isFinite(v)) {
          out[n++] = v;
        }
      }
    }
    double[] finite = n == out.length ? out : Arrays.copyOf(out, n);
    Arrays.sort(finite);
    return finite;
  }

  /** numpy median: the mean of the two middle values for an even count. */
  static double median(double[] sorted) {
    int n = sorted.length;
    int mid = n / 2;
    return (n & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /** One-pass least-squares line through (i, sample[i]); its value at n/2 with the slope divided by the contrast. */
  static double fittedTop(double[] sorted) {
    int n = sorted.length;
    double meanX = (n - 1) / 2.0;
    double meanY = 0;
    for (double v : sorted) {
      meanY += v;
    }
    meanY /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      double dx = i - meanX;
      sxy += dx * (sorted[i] - meanY);
      sxx += dx * dx;
    }
    // A single sample has no slope; the flat line then makes zmax collapse onto zmin and widen.
    double slope = sxx == 0 ? 0 : sxy / sxx;
    double intercept = meanY - slope * meanX;
    return intercept + (slope / CONTRAST) * n / 2.0;
  }

  /** Maps the frame to 8-bit grey in FITS row order (row 0 first). */
  public static byte[] toBytes(float[] px, int w, int h, Window win) {
    return toBytes(px, w, h, win, false);
  }

  /**
   * Maps the frame to 8-bit grey; with {@code flipVertical} row 0 is written last, which puts the
   * FITS origin at the bottom of the picture for free instead of in a separate pass.
   */
  public static byte[] toBytes(float[] px, int w, int h, Window win, boolean flipVertical) {
    return toBytes(px, w, h, win, flipVertical, null);
  }

  /**
   * As {@link #toBytes(float[], int, int, Window, boolean)}, also counting the output values into
   * {@code histogram} (256 bins) when it is not null: median mode then needs no pass of its own.
   */
  static byte[] toBytes(float[] px, int w, int h, Window win, boolean flipVertical, long[] histogram) {
    byte[] out = new byte[w * h];
    double zmin = win.zmin();
    double zmax = win.zmax();
    // fits2image multiplies by scale then subtracts scale·zmin; keeping its operation order keeps the rounding ties identical.
    double scale = 255.0 / (zmax - zmin);
    double adjust = scale * zmin;
    byte[] lut = Gamma.LUT;
    RowBands.run(h, w, (band, from, to) -> {
      int[] counts = histogram == null ? null : new int[256];
      int[] levels = new int[w];
      for (int r = from; r < to; r++) {
        int src = r * w;
        int dst = (flipVertical ? h - 1 - r : r) * w;
        // Two loops: the arithmetic one has no table lookup in it, so the JIT vectorises it.
        for (int c = 0; c < w; c++) {
          // Math.min/max compile to branch-free min/max (about 3× faster than ternaries here) and
          // propagate NaN, which the int cast below turns into 0 → black.
          double x = Math.min(Math.max(px[src + c], zmin), zmax);
          double t = x * scale - adjust;
          levels[c] = (int) ((t + RINT_MAGIC) - RINT_MAGIC);
        }
        for (int c = 0; c < w; c++) {
          // x ≥ zmin gives t ≥ 0 exactly (same product as adjust) and t exceeds 255 by a few ulps
          // at most, so the rounded value is always 0..255; the mask only lets the JIT drop the
          // bounds check.
          out[dst + c] = lut[levels[c] & 0xFF];
        }
        if (counts != null) {
          // Counted per row while it is still in cache: cheaper than a second pass over the frame.
          for (int c = dst, end = dst + w; c < end; c++) {
            counts[out[c] & 0xFF]++;
          }
        }
      }
      if (counts != null) {
        synchronized (histogram) {
          for (int v = 0; v < 256; v++) {
            histogram[v] += counts[v];
          }
        }
      }
    });
    return out;
  }

  /**
   * {@link #toBytes(float[], int, int, Window, boolean) toBytes} with the flip, and in the same pass
   * Pillow's box reduce of the result by {@code fx × fy} ({@link BoxReduce#reduce}): each row is
   * added to its box row's column sums while it is still in cache, instead of a second pass over
   * the whole 8-bit frame. Returns the frame and the reduced image.
   */
  static byte[][] toBytesReduced(float[] px, int w, int h, Window win, int fx, int fy) {
    byte[] out = new byte[w * h];
    double zmin = win.zmin();
    double zmax = win.zmax();
    double scale = 255.0 / (zmax - zmin);
    double adjust = scale * zmin;
    byte[] lut = Gamma.LUT;
    // Rows in picture order (picture row p is FITS row h − 1 − p), made as the reduce sums them.
    byte[] reduced = BoxReduce.reduceRows(w, h, 1, fx, fy, () -> {
      int[] levels = new int[w];
      return (p, columns) -> {
        int src = (h - 1 - p) * w;
        int dst = p * w;
        // The same arithmetic as toBytes, in a loop of its own so the JIT vectorises it.
        for (int c = 0; c < w; c++) {
          double x = Math.min(Math.max(px[src + c], zmin), zmax);
          double t = x * scale - adjust;
          levels[c] = (int) ((t + RINT_MAGIC) - RINT_MAGIC);
        }
        for (int c = 0; c < w; c++) {
          byte v = lut[levels[c] & 0xFF];
          out[dst + c] = v;
          columns[c] += v & 0xFF;
        }
      };
    });
    return new byte[][] {out, reduced};
  }

  /** Exposed for tests: the branch-free half-even rounding used in the hot loop. */
  static double roundHalfEven(double t) {
    return (t + RINT_MAGIC) - RINT_MAGIC;
  }
}
