package global.lco.thumbs.worker.orient;

import java.util.Optional;
import nom.tam.fits.Header;

/**
 * The CD matrix exactly as fits2image 1.0.0 reads it for orientation: all four of CD1_1, CD1_2, CD2_1,
 * CD2_2, finite, with |det| at least {@link #MIN_DETERMINANT}. PC+CDELT or CROTA2 headers do not
 * count (upstream ignores them too): such frames keep the legacy flip.
 *
 * @param m11 CD1_1, degrees of ξ (towards east) per pixel along x
 * @param m12 CD1_2, degrees of ξ per pixel along y
 * @param m21 CD2_1, degrees of η (towards north) per pixel along x
 * @param m22 CD2_2, degrees of η per pixel along y
 */
public record CdMatrix(double m11, double m12, double m21, double m22) {
  /** Below this the matrix is not invertible in any useful sense. */
  public static final double MIN_DETERMINANT = 1e-20;
  private static final String[] KEYS = {"CD1_1", "CD1_2", "CD2_1", "CD2_2"};

  public double determinant() {
    return m11 * m22 - m12 * m21;
  }

  /** The matrix, or empty when one is missing, not a number, or (nearly) singular. */
  public static Optional<CdMatrix> of(double m11, double m12, double m21, double m22) {
    var cd = new CdMatrix(m11, m12, m21, m22);
    boolean finite = Double.isFinite(m11) && Double.isFinite(m12) && Double.isFinite(m21) && Double.isFinite(m22);
    return finite && Math.abs(cd.determinant()) >= MIN_DETERMINANT ? Optional.of(cd) : Optional.empty();
  }

  public static Optional<CdMatrix> read(Header header) {
    double[] v = new double[KEYS.length];
    for (int i = 0; i < KEYS.length; i++) {
      if (!header.containsKey(KEYS[i])) {
        return Optional.empty();
      }
      try {
        v[i] = header.getDoubleValue(KEYS[i], Double.NaN);
      } catch (RuntimeException notANumber) {
        return Optional.empty();
      }
    }
    return of(v[0], v[1], v[2], v[3]);
  }
}
