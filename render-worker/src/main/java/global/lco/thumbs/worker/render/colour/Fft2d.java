package global.lco.thumbs.worker.render.colour;

/**
 * In-place complex 2-D FFT for power-of-two sizes, on separate real and imaginary arrays stored
 * row-major ({@code index = y * nx + x}). Registration only needs a few small transforms per
 * colour image, so a plain iterative radix-2 is enough.
 */
final class Fft2d {

  private Fft2d() {
  }

  static boolean isPowerOfTwo(int n) {
    return n > 0 && (n & (n - 1)) == 0;
  }

  static int nextPowerOfTwo(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }

  /** Forward ({@code inverse=false}) or unscaled inverse transform of an {@code nx × ny} array. */
  static void transform(double[] re, double[] im, int nx, int ny, boolean inverse) {
    if (!isPowerOfTwo(nx) || !isPowerOfTwo(ny) || re.length != nx * ny || im.length != nx * ny) {
      throw new IllegalArgumentException("sizes must be powers of two matching the arrays: " + nx + "x" + ny);
    }
    rows(re, im, nx, ny, inverse);
    // Columns as rows of the transpose: strided column access would miss the cache on every element.
    double[] tRe = transpose(re, nx, ny);
    double[] tIm = transpose(im, nx, ny);
    rows(tRe, tIm, ny, nx, inverse);
    System.arraycopy(transpose(tRe, ny, nx), 0, re, 0, re.length);
    System.arraycopy(transpose(tIm, ny, nx), 0, im, 0, im.length);
  }

  private static void rows(double[] re, double[] im, int n, int count, boolean inverse) {
    var rowRe = new double[n];
    var rowIm = new double[n];
    for (int y = 0; y < count; y++) {
      System.arraycopy(re, y * n, rowRe, 0, n);
      System.arraycopy(im, y * n, rowIm, 0, n);
      transform1d(rowRe, rowIm, inverse);
      System.arraycopy(rowRe, 0, re, y * n, n);
      System.arraycopy(rowIm, 0, im, y * n, n);
    }
  }

  /** The {@code h × w} transpose of a {@code w × h} row-major array, in 32 × 32 tiles. */
  private static double[] transpose(double[] src, int w, int h) {
    double[] out = new double[src.length];
    for (int y0 = 0; y0 < h; y0 += 32) {
      for (int x0 = 0; x0 < w; x0 += 32) {
        for (int y = y0; y < Math.min(y0 + 32, h); y++) {
          for (int x = x0; x < Math.min(x0 + 32, w); x++) {
            out[x * h + y] = src[y * w + x];
          }
        }
      }
    }
    return out;
  }

  /** Iterative Cooley–Tukey: bit-reversal permutation, then butterflies of growing length. */
  static void transform1d(double[] re, double[] im, boolean inverse) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    double sign = inverse ? 1 : -1;
    for (int len = 2; len <= n; len <<= 1) {
      double angle = sign * 2 * Math.PI / len;
      double wRe = Math.cos(angle);
      double wIm = Math.sin(angle);
      int half = len >> 1;
      for (int start = 0; start < n; start += len) {
        double uRe = 1;
        double uIm = 0;
        for (int k = 0; k < half; k++) {
          int a = start + k;
          int b = a + half;
          double tRe = re[b] * uRe - im[b] * uIm;
          double tIm = re[b] * uIm + im[b] * uRe;
          re[b] = re[a] - tRe;
          im[b] = im[a] - tIm;
          re[a] += tRe;
          im[a] += tIm;
          double next = uRe * wRe - uIm * wIm;
          uIm = uRe * wIm + uIm * wRe;
          uRe = next;
        }
      }
    }
  }
}
