package global.lco.thumbs.worker.sky;

/**
 * Simple Imaging Polynomial distortion (Shupe et al. 2005): pixel offsets {@code (u, v)} from the
 * reference pixel become {@code (u + A(u, v), v + B(u, v)} before the linear CD transformation.
 *
 * @param a A_p_q coefficients, {@code a[p][q]}, order + 1 square
 * @param b B_p_q coefficients, {@code b[p][q]}, order + 1 square
 */
public record SipDistortion(double[][] a, double[][] b) {

  /** No distortion: plain TAN. */
  public static final SipDistortion NONE = new SipDistortion(new double[1][1], new double[1][1]);

  private static final int MAX_ITERATIONS = 50;
  private static final double CONVERGED_PX = 1e-9;

  double[] distort(double u, double v) {
    return new double[] {u + polynomial(a, u, v), v + polynomial(b, u, v)};
  }

  /**
   * The offsets whose distortion is {@code (U, V)}. Headers' inverse polynomials (AP, BP) are
   * approximations fitted by the writer; iterating on the forward one is exact to the tolerance.
   */
  double[] undistort(double targetU, double targetV) {
    double u = targetU;
    double v = targetV;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double nextU = targetU - polynomial(a, u, v);
      double nextV = targetV - polynomial(b, u, v);
      boolean converged = Math.abs(nextU - u) < CONVERGED_PX && Math.abs(nextV - v) < CONVERGED_PX;
      u = nextU;
      v = nextV;
      if (converged) {
        break;
      }
    }
    return new double[] {u, v};
  }

  private static double polynomial(double[][] coefficients, double u, double v) {
    double sum = 0;
    double up = 1;
    for (double[] row : coefficients) {
      double term = up;
      for (double c : row) {
        sum += c * term;
        term *= v;
      }
      up *= u;
    }
    return sum;
  }
}
