package global.lco.thumbs.worker.render;

import global.lco.thumbs.worker.pixels.RowBands;

import java.util.Arrays;

/**
 * Port of Pillow's ImagingResample for 8-bit images with the Lanczos-3 filter: separable
 * horizontal then vertical passes, the kernel widened by the shrink factor (antialiasing),
 * fixed-point weights and an 8-bit intermediate image, so results match Pillow byte for byte.
 */
final class LanczosResample {

  private static final double SUPPORT = 3.0;
  /** Pillow's PRECISION_BITS for 8 bpc: 32 − 8 bits of pixel − 2 bits of headroom for negative lobes. */
  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final int HALF = 1 << (PRECISION_BITS - 1);

  private LanczosResample() {
  }

  /** Per output pixel: first input index, tap count and fixed-point weights ({@code ksize} slots each). */
  private record Coefficients(int[] first, int[] taps, int[] weights, int ksize) {
  }

  /**
   * Resamples the region {@code [0, boxW) × [0, boxH)} of the source (the box may end inside the
   * last pixel) to {@code dstW × dstH}.
   */
  static byte[] resample(byte[] src, int w, int h, int channels, double boxW, double boxH, int dstW, int dstH) {
    return resample(src, w, h, channels, 0, 0, boxW, boxH, dstW, dstH);
  }

  /**
   * Resamples the box {@code [x0, x1) × [y0, y1)} of the source to {@code dstW × dstH} (Pillow's
   * {@code resize(size, box=...)}): the pixels around the box feed its edge pixels, so a tile cut from
   * a frame this way equals the same pixels of a render of a larger box of the same scale.
   */
  static byte[] resample(byte[] src, int w, int h, int channels, double x0, double y0, double x1, double y1,
                         int dstW, int dstH) {
    // Pillow passes the box to C as single-precision floats; rounding it the same way is needed for
    // byte-identical weights when the box ends inside a pixel (e.g. 1523/3 after a box reduce).
    float boxLeft = (float) x0;
    float boxTop = (float) y0;
    float boxRight = (float) x1;
    float boxBottom = (float) y1;
    boolean horizontal = dstW != w || boxLeft != 0 || boxRight != w;
    boolean vertical = dstH != h || boxTop != 0 || boxBottom != h;
    Coefficients cx = coefficients(w, boxLeft, boxRight, dstW);
    Coefficients cy = coefficients(h, boxTop, boxBottom, dstH);
    byte[] img = src;
    int rows = h;
    if (horizontal) {
      // Only the rows the vertical pass will read are filtered horizontally.
      int firstRow = cy.first[0];
      int lastRow = cy.first[dstH - 1] + cy.taps[dstH - 1];
      rows = lastRow - firstRow;
      img = horizontalPass(src, w, channels, cx, dstW, firstRow, rows);
      cy = shift(cy, firstRow);
    }
    int width = horizontal ? dstW : w;
    if (vertical) {
      img = verticalPass(img, width, channels, cy, dstH);
    } else if (img == src) {
      img = src.clone();
    }
    return img;
  }

  /** How far, in input pixels, the filter reaches from an output pixel's centre at this scale. */
  static double support(double scale) {
    return SUPPORT * Math.max(scale, 1.0);
  }

  private static Coefficients coefficients(int inSize, float in0, float in1, int outSize) {
    // The scale itself is computed in double, as in Pillow's precompute_coeffs.
    double scale = ((double) in1 - in0) / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = SUPPORT * filterScale;
    int ksize = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] taps = new int[outSize];
    int[] weights = new int[outSize * ksize];
    double[] k = new double[ksize];
    double inverse = 1.0 / filterScale;
    for (int xx = 0; xx < outSize; xx++) {
      double center = in0 + (xx + 0.5) * scale;
      // C's (int) cast truncates toward zero, as Java's does; Pillow relies on it for rounding here.
      int xmin = Math.max(0, (int) (center - support + 0.5));
      int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
      double sum = 0;
      for (int x = 0; x < xmax; x++) {
        double v = lanczos((x + xmin - center + 0.5) * inverse);
        k[x] = v;
        sum += v;
      }
      for (int x = 0; x < xmax; x++) {
        double v = sum != 0 ? k[x] / sum : k[x];
        double fixed = v * (1 << PRECISION_BITS);
        weights[xx * ksize + x] = (int) (v < 0 ? fixed - 0.5 : fixed + 0.5);
      }
      first[xx] = xmin;
      taps[xx] = Math.max(xmax, 0);
    }
    return new Coefficients(first, taps, weights, ksize);
  }

  private static Coefficients shift(Coefficients c, int offset) {
    int[] first = c.first.clone();
    for (int i = 0; i < first.length; i++) {
      first[i] -= offset;
    }
    return new Coefficients(first, c.taps, c.weights, c.ksize);
  }

  private static byte[] horizontalPass(byte[] src, int w, int channels, Coefficients cx, int dstW, int firstRow, int rows) {
    byte[] out = new byte[dstW * rows * channels];
    int ksize = cx.ksize;
    RowBands.run(rows, (long) w * channels, (band, from, to) -> {
      for (int r = from; r < to; r++) {
        int in = (r + firstRow) * w * channels;
        int o = r * dstW * channels;
        for (int xx = 0; xx < dstW; xx++) {
          int start = in + cx.first[xx] * channels;
          int taps = cx.taps[xx];
          int kb = xx * ksize;
          for (int c = 0; c < channels; c++) {
            int ss = HALF;
            for (int x = 0; x < taps; x++) {
              ss += (src[start + x * channels + c] & 0xFF) * cx.weights[kb + x];
            }
            out[o + xx * channels + c] = clip8(ss);
          }
        }
      }
    });
    return out;
  }

  private static byte[] verticalPass(byte[] src, int w, int channels, Coefficients cy, int dstH) {
    int stride = w * channels;
    byte[] out = new byte[stride * dstH];
    int ksize = cy.ksize;
    RowBands.run(dstH, (long) stride * ksize, (band, from, to) -> {
      int[] acc = new int[stride];
      for (int yy = from; yy < to; yy++) {
        Arrays.fill(acc, HALF);
        int ymin = cy.first[yy];
        int taps = cy.taps[yy];
        int kb = yy * ksize;
        // Row-at-a-time accumulation walks memory sequentially; the sum order per pixel is
        // unchanged and integer addition is exact, so this equals Pillow's per-pixel loop.
        for (int y = 0; y < taps; y++) {
          int weight = cy.weights[kb + y];
          int row = (ymin + y) * stride;
          for (int i = 0; i < stride; i++) {
            acc[i] += (src[row + i] & 0xFF) * weight;
          }
        }
        int o = yy * stride;
        for (int i = 0; i < stride; i++) {
          out[o + i] = clip8(acc[i]);
        }
      }
    });
    return out;
  }

  private static byte clip8(int v) {
    if (v >= (255 << PRECISION_BITS)) {
      return (byte) 255;
    }
    if (v <= 0) {
      return 0;
    }
    return (byte) (v >> PRECISION_BITS);
  }

  private static double sinc(double x) {
    if (x == 0.0) {
      return 1.0;
    }
    x *= Math.PI;
    return StrictMath.sin(x) / x;
  }

  /** Pillow's truncated sinc, on [−3, 3). StrictMath keeps the weights identical on every JVM. */
  static double lanczos(double x) {
    if (-3.0 <= x && x < 3.0) {
      return sinc(x) * sinc(x / 3);
    }
    return 0.0;
  }
}
