package global.lco.thumbs.worker.sky;

/**
 * A celestial gnomonic (TAN, optionally with SIP distortion) world coordinate system: FITS pixel
 * coordinates (1-based, FITS row order) to right ascension and declination and back. Only what
 * colour registration needs: where one frame's pixel lies on another frame's grid.
 *
 * @param crpix1    reference pixel, x
 * @param crpix2    reference pixel, y
 * @param crval1    right ascension of the reference pixel, degrees
 * @param crval2    declination of the reference pixel, degrees
 * @param cd        the linear transformation (CD1_1, CD1_2, CD2_1, CD2_2), degrees per pixel
 * @param sip       the SIP distortion, {@link SipDistortion#NONE} for plain TAN
 * @param reference the celestial reference frame (RADESYS and EQUINOX); frames in different ones are not comparable
 */
public record CelestialWcs(double crpix1, double crpix2, double crval1, double crval2, double[] cd, SipDistortion sip,
                           String reference) {

  public CelestialWcs {
    cd = cd.clone();
    if (cd.length != 4 || !(Math.abs(determinant(cd)) > 0) || !Double.isFinite(determinant(cd))) {
      throw new IllegalArgumentException("the CD matrix must be finite and invertible");
    }
    if (!Double.isFinite(crpix1) || !Double.isFinite(crpix2) || !Double.isFinite(crval1) || !Double.isFinite(crval2)) {
      throw new IllegalArgumentException("reference pixel and value must be finite");
    }
  }

  /** Right ascension and declination (degrees) of the FITS pixel {@code (x, y)}. */
  public double[] toSky(double x, double y) {
    double[] uv = sip.distort(x - crpix1, y - crpix2);
    // Standard (tangent-plane) coordinates in radians.
    double xi = Math.toRadians(cd[0] * uv[0] + cd[1] * uv[1]);
    double eta = Math.toRadians(cd[2] * uv[0] + cd[3] * uv[1]);
    double dec0 = Math.toRadians(crval2);
    double denominator = Math.cos(dec0) - eta * Math.sin(dec0);
    double ra = Math.toRadians(crval1) + Math.atan2(xi, denominator);
    double dec = Math.atan2(eta * Math.cos(dec0) + Math.sin(dec0), Math.hypot(xi, denominator));
    return new double[] {Math.toDegrees(ra), Math.toDegrees(dec)};
  }

  /**
   * The FITS pixel at right ascension and declination {@code (ra, dec)} (degrees), or null when
   * that point is 90° or more from the tangent point, where the projection has no image.
   */
  public double[] toPixel(double ra, double dec) {
    double dRa = Math.toRadians(ra - crval1);
    double d = Math.toRadians(dec);
    double dec0 = Math.toRadians(crval2);
    double cosine = Math.sin(d) * Math.sin(dec0) + Math.cos(d) * Math.cos(dec0) * Math.cos(dRa);
    if (!(cosine > 1e-9)) {
      return null;
    }
    double xi = Math.toDegrees(Math.cos(d) * Math.sin(dRa) / cosine);
    double eta = Math.toDegrees((Math.sin(d) * Math.cos(dec0) - Math.cos(d) * Math.sin(dec0) * Math.cos(dRa)) / cosine);
    double det = determinant(cd);
    double u = (cd[3] * xi - cd[1] * eta) / det;
    double v = (-cd[2] * xi + cd[0] * eta) / det;
    double[] uv = sip.undistort(u, v);
    return new double[] {uv[0] + crpix1, uv[1] + crpix2};
  }

  @Override
  public double[] cd() {
    return cd.clone();
  }

  private static double determinant(double[] m) {
    return m[0] * m[3] - m[1] * m[2];
  }
}
