package global.lco.thumbs.worker.compare;

/**
 * Structural similarity (Wang, Bovik, Sheikh and Simoncelli 2004) of two 8-bit images, one
 * channel at a time: an 11 × 11 Gaussian window (σ = 1.5), K1 = 0.01, K2 = 0.03, averaged over the
 * positions where the window lies wholly inside the image.
 */
final class Ssim {
  private static final int RADIUS = 5;
  private static final double SIGMA = 1.5;
  private static final double C1 = Math.pow(0.01 * 255, 2);
  private static final double C2 = Math.pow(0.03 * 255, 2);

  private Ssim() {
  }

  /** Mean SSIM of channel {@code c} of two interleaved images of the same size. */
  static double of(byte[] a, byte[] b, int w, int h, int channels, int c) {
    int radius = Math.min(RADIUS, (Math.min(w, h) - 1) / 2);
    double[] x = channel(a, w, h, channels, c);
    double[] y = channel(b, w, h, channels, c);
    double[] xx = new double[x.length];
    double[] yy = new double[x.length];
    double[] xy = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xx[i] = x[i] * x[i];
      yy[i] = y[i] * y[i];
      xy[i] = x[i] * y[i];
    }
    double[] kernel = kernel(radius);
    double[] mx = blur(x, w, h, kernel);
    double[] my = blur(y, w, h, kernel);
    double[] sxx = blur(xx, w, h, kernel);
    double[] syy = blur(yy, w, h, kernel);
    double[] sxy = blur(xy, w, h, kernel);
    double sum = 0;
    long n = 0;
    for (int row = radius; row < h - radius; row++) {
      for (int col = radius; col < w - radius; col++) {
        int i = row * w + col;
        double varX = sxx[i] - mx[i] * mx[i];
        double varY = syy[i] - my[i] * my[i];
        double cov = sxy[i] - mx[i] * my[i];
        sum += (2 * mx[i] * my[i] + C1) * (2 * cov + C2)
            / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (varX + varY + C2));
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double[] channel(byte[] img, int w, int h, int channels, int c) {
    double[] out = new double[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = img[i * channels + c] & 0xFF;
    }
    return out;
  }

  private static double[] kernel(int radius) {
    double[] k = new double[2 * radius + 1];
    double total = 0;
    for (int i = -radius; i <= radius; i++) {
      k[i + radius] = Math.exp(-i * i / (2 * SIGMA * SIGMA));
      total += k[i + radius];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= total;
    }
    return k;
  }

  /** Separable weighted mean; only positions at least {@code radius} from every edge are used by the caller. */
  private static double[] blur(double[] src, int w, int h, double[] kernel) {
    int r = kernel.length / 2;
    double[] rows = new double[src.length];
    for (int y = 0; y < h; y++) {
      for (int x = r; x < w - r; x++) {
        double s = 0;
        for (int k = -r; k <= r; k++) {
          s += kernel[k + r] * src[y * w + x + k];
        }
        rows[y * w + x] = s;
      }
    }
    double[] out = new double[src.length];
    for (int y = r; y < h - r; y++) {
      for (int x = r; x < w - r; x++) {
        double s = 0;
        for (int k = -r; k <= r; k++) {
          s += kernel[k + r] * rows[(y + k) * w + x];
        }
        out[y * w + x] = s;
      }
    }
    return out;
  }
}
