package global.lco.thumbs.worker.sky;

import java.util.Optional;
import nom.tam.fits.Header;

/**
 * Reads the celestial WCS of an image header: {@code RA---TAN}/{@code DEC--TAN} (or their
 * {@code -SIP} variants) with a CD matrix, or PC (or the older CROTA2) with CDELT. Anything else
 * (other projections, galactic axes, a LONPOLE we do not model, a singular matrix) is no WCS: the
 * caller then registers by image correlation.
 */
public final class WcsReader {
  private static final String[][] CD = {{"CD1_1", "CD1_2"}, {"CD2_1", "CD2_2"}};
  private static final String[][] PC = {{"PC1_1", "PC1_2"}, {"PC2_1", "PC2_2"}};
  /** SIP orders beyond this are not written by any pipeline we know and would only cost time. */
  private static final int MAX_SIP_ORDER = 9;

  private WcsReader() {
  }

  public static Optional<CelestialWcs> read(Header header) {
    try {
      return parse(header);
    } catch (RuntimeException unparseable) {
      return Optional.empty();
    }
  }

  private static Optional<CelestialWcs> parse(Header header) {
    String x = header.getStringValue("CTYPE1", "").trim().toUpperCase();
    String y = header.getStringValue("CTYPE2", "").trim().toUpperCase();
    boolean sip = x.equals("RA---TAN-SIP") && y.equals("DEC--TAN-SIP");
    if (!sip && !(x.equals("RA---TAN") && y.equals("DEC--TAN"))) {
      return Optional.empty();
    }
    if (!has(header, "CRPIX1", "CRPIX2", "CRVAL1", "CRVAL2")) {
      return Optional.empty();
    }
    // TAN's default native pole (180°) is the only one the projection formulas assume.
    if (header.containsKey("LONPOLE") && header.getDoubleValue("LONPOLE") != 180) {
      return Optional.empty();
    }
    double[] cd = matrix(header);
    if (cd == null) {
      return Optional.empty();
    }
    // The constructor refuses a singular matrix or non-finite values; read() turns that into no WCS.
    return Optional.of(new CelestialWcs(header.getDoubleValue("CRPIX1"), header.getDoubleValue("CRPIX2"),
        header.getDoubleValue("CRVAL1"), header.getDoubleValue("CRVAL2"), cd,
        sip ? distortion(header) : SipDistortion.NONE, reference(header)));
  }

  /** CD if any CDi_j is given, else CDELT times PC (identity by default) or the CROTA2 rotation. */
  private static double[] matrix(Header header) {
    if (anyOf(header, CD)) {
      return values(header, CD, 0);
    }
    if (!has(header, "CDELT1", "CDELT2")) {
      return null;
    }
    double cdelt1 = header.getDoubleValue("CDELT1");
    double cdelt2 = header.getDoubleValue("CDELT2");
    if (!anyOf(header, PC) && header.containsKey("CROTA2")) {
      double rho = Math.toRadians(header.getDoubleValue("CROTA2"));
      return new double[] {cdelt1 * Math.cos(rho), -cdelt2 * Math.sin(rho), cdelt1 * Math.sin(rho),
          cdelt2 * Math.cos(rho)};
    }
    double[] pc = values(header, PC, 1);
    return new double[] {cdelt1 * pc[0], cdelt1 * pc[1], cdelt2 * pc[2], cdelt2 * pc[3]};
  }

  /** The matrix keys in row order; a missing diagonal element takes {@code diagonal}, off-diagonal 0. */
  private static double[] values(Header header, String[][] keys, double diagonal) {
    double[] out = new double[4];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        out[2 * i + j] = header.getDoubleValue(keys[i][j], i == j ? diagonal : 0);
      }
    }
    return out;
  }

  private static SipDistortion distortion(Header header) {
    return new SipDistortion(polynomial(header, "A"), polynomial(header, "B"));
  }

  private static double[][] polynomial(Header header, String name) {
    int order = Math.max(0, Math.min(MAX_SIP_ORDER, header.getIntValue(name + "_ORDER", 0)));
    double[][] c = new double[order + 1][order + 1];
    for (int p = 0; p <= order; p++) {
      for (int q = 0; p + q <= order; q++) {
        c[p][q] = header.getDoubleValue(name + "_" + p + "_" + q, 0);
      }
    }
    return c;
  }

  /**
   * The reference frame, coarsely: ICRS and FK5 J2000 differ by tens of milliarcseconds, far below
   * a pixel, so they are one; FK4 (B1950) and anything unusual are kept apart.
   */
  private static String reference(Header header) {
    String system = header.getStringValue("RADESYS", header.getStringValue("RADECSYS", "")).trim().toUpperCase();
    double equinox = header.getDoubleValue("EQUINOX", header.getDoubleValue("EPOCH", 2000));
    if (system.isEmpty()) {
      system = equinox < 1984 ? "FK4" : "ICRS";
    }
    return switch (system) {
      case "ICRS", "FK5" -> "ICRS";
      case "FK4", "FK4-NO-E" -> "FK4/" + equinox;
      default -> system + "/" + equinox;
    };
  }

  private static boolean has(Header header, String... keys) {
    for (String key : keys) {
      if (!header.containsKey(key)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyOf(Header header, String[][] keys) {
    for (String[] row : keys) {
      for (String key : row) {
        if (header.containsKey(key)) {
          return true;
        }
      }
    }
    return false;
  }
}
