package global.lco.thumbs.worker.render.colour;

/**
 * Translation between two equally sized float images by phase correlation: the whitened cross-power
 * spectrum of two shifted images is a pure phase ramp whose inverse transform peaks at the shift.
 * The spectrum is tapered with a Gaussian so that the peak is a Gaussian of known width, which a
 * three-point log-parabola locates to a small fraction of a pixel.
 */
final class PhaseCorrelation {

  /** Width (pixels) of the correlation peak; wide enough to interpolate, narrow enough to stay sharp. */
  static final double PEAK_SIGMA = 1.5;

  /** Half-size of the box around the peak left out of the sidelobe statistics. */
  private static final int PEAK_EXCLUSION = 5;

  /** The shift of {@code moving} relative to {@code reference} and how much the peak stands out. */
  record Peak(double dx, double dy, double sidelobeRatio) {
  }

  private PhaseCorrelation() {
  }

  static Peak correlate(float[] reference, float[] moving, int w, int h) {
    int nx = Fft2d.nextPowerOfTwo(w);
    int ny = Fft2d.nextPowerOfTwo(h);
    double[] aRe = windowed(reference, w, h, nx, ny);
    double[] aIm = new double[nx * ny];
    double[] bRe = windowed(moving, w, h, nx, ny);
    double[] bIm = new double[nx * ny];
    Fft2d.transform(aRe, aIm, nx, ny, false);
    Fft2d.transform(bRe, bIm, nx, ny, false);
    // The Gaussian taper is separable: one factor per column frequency times one per row frequency.
    double[] taperX = taper(nx);
    double[] taperY = taper(ny);
    for (int ky = 0; ky < ny; ky++) {
      for (int kx = 0; kx < nx; kx++) {
        int i = ky * nx + kx;
        // moving · conj(reference): the inverse transform then peaks at +shift.
        double re = bRe[i] * aRe[i] + bIm[i] * aIm[i];
        double im = bIm[i] * aRe[i] - bRe[i] * aIm[i];
        double magnitude = Math.sqrt(re * re + im * im);
        double weight = magnitude > 1e-12 ? taperX[kx] * taperY[ky] / magnitude : 0;
        aRe[i] = re * weight;
        aIm[i] = im * weight;
      }
    }
    Fft2d.transform(aRe, aIm, nx, ny, true);
    return locate(aRe, nx, ny);
  }

  /** {@code exp(−2π²σ²f²)} for the signed frequencies f of an n-point transform. */
  private static double[] taper(int n) {
    double[] out = new double[n];
    double k = 2 * Math.PI * Math.PI * PEAK_SIGMA * PEAK_SIGMA;
    for (int i = 0; i < n; i++) {
      double f = (double) (i < n / 2 ? i : i - n) / n;
      out[i] = Math.exp(-k * f * f);
    }
    return out;
  }

  /** Mean-free, Hann-windowed copy zero-padded to {@code nx × ny}, so the frame edges do not correlate. */
  private static double[] windowed(float[] img, int w, int h, int nx, int ny) {
    double mean = 0;
    for (int i = 0; i < w * h; i++) {
      mean += img[i];
    }
    mean /= (double) w * h;
    double[] wx = hann(w);
    double[] wy = hann(h);
    double[] out = new double[nx * ny];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * nx + x] = (img[y * w + x] - mean) * wx[x] * wy[y];
      }
    }
    return out;
  }

  private static double[] hann(int n) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
    }
    return w;
  }

  private static Peak locate(double[] surface, int nx, int ny) {
    int best = 0;
    for (int i = 1; i < surface.length; i++) {
      if (surface[i] > surface[best]) {
        best = i;
      }
    }
    int px = best % nx;
    int py = best / nx;
    double peak = surface[best];
    double subX = subPixel(surface[py * nx + wrap(px - 1, nx)], peak, surface[py * nx + wrap(px + 1, nx)]);
    double subY = subPixel(surface[wrap(py - 1, ny) * nx + px], peak, surface[wrap(py + 1, ny) * nx + px]);
    double dx = (px >= nx / 2 ? px - nx : px) + subX;
    double dy = (py >= ny / 2 ? py - ny : py) + subY;
    return new Peak(dx, dy, sidelobeRatio(surface, nx, ny, px, py, peak));
  }

  /** Vertex of the parabola through the logarithms (exact for a Gaussian peak), else through the values. */
  static double subPixel(double left, double centre, double right) {
    double offset;
    if (left > 0 && centre > 0 && right > 0) {
      double l = Math.log(left);
      double c = Math.log(centre);
      double r = Math.log(right);
      double curvature = l - 2 * c + r;
      offset = curvature < 0 ? 0.5 * (l - r) / curvature : 0;
    } else {
      double curvature = left - 2 * centre + right;
      offset = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
    }
    return Math.max(-0.5, Math.min(0.5, offset));
  }

  /** (peak − mean) / standard deviation of the surface outside the peak's box. */
  private static double sidelobeRatio(double[] surface, int nx, int ny, int px, int py, double peak) {
    double sum = 0;
    double sumSq = 0;
    long n = 0;
    for (int y = 0; y < ny; y++) {
      int dyy = Math.abs(y - py);
      boolean nearY = Math.min(dyy, ny - dyy) <= PEAK_EXCLUSION;
      for (int x = 0; x < nx; x++) {
        int dxx = Math.abs(x - px);
        if (nearY && Math.min(dxx, nx - dxx) <= PEAK_EXCLUSION) {
          continue;
        }
        double v = surface[y * nx + x];
        sum += v;
        sumSq += v * v;
        n++;
      }
    }
    if (n < 2) {
      return 0;
    }
    double mean = sum / n;
    double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    return std > 0 ? (peak - mean) / std : 0;
  }

  private static int wrap(int i, int n) {
    return ((i % n) + n) % n;
  }
}
