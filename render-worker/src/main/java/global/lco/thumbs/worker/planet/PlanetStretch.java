package global.lco.thumbs.worker.planet;

import global.lco.thumbs.worker.pixels.Plane;

/**
 * Planet mode, for bright small targets that the fits2image stretch turns into a white blob: a crop
 * of {@value #CROP}×{@value #CROP} pixels around the brightest 3×3-binned spot, values below
 * {@value #FLOOR} counts set to 0, then a square-root stretch in which that spot's mean is white at
 * gain 1 (a gain above 1 saturates the brightest parts to bring out faint ones, below 1 dims).
 * The result has the legacy flip, like every stretched plane, so orientation treats it alike.
 */
public final class PlanetStretch {
  static final int CROP = 600;
  static final int BIN = 3;
  static final float FLOOR = 200;

  private PlanetStretch() {
  }

  /** The crop as an 8-bit plane in picture order (FITS row 0 at the bottom). */
  public static Plane stretch(float[] px, int w, int h, double gain) {
    int[] spot = brightestSpot(px, w, h);
    int cw = Math.min(CROP, w);
    int ch = Math.min(CROP, h);
    // The crop stays inside the frame: a planet near an edge is off-centre rather than cut.
    int x0 = Math.clamp(spot[0] - cw / 2, 0, w - cw);
    int y0 = Math.clamp(spot[1] - ch / 2, 0, h - ch);
    double peak = spotMean(px, w, h, spot);
    double scale = peak > 0 ? 1 / peak : 0;
    byte[] out = new byte[cw * ch];
    for (int y = 0; y < ch; y++) {
      int src = (y0 + y) * w + x0;
      int dst = (ch - 1 - y) * cw;
      for (int x = 0; x < cw; x++) {
        float v = px[src + x];
        // NaN fails the comparison too, so missing pixels are black.
        double level = v >= FLOOR ? Math.min(1, gain * Math.sqrt(v * scale)) : 0;
        out[dst + x] = (byte) Math.round(level * 255);
      }
    }
    return new Plane(out, cw, ch);
  }

  /** Centre (column, FITS row) of the 3×3 bin with the largest sum of finite values; the first on ties. */
  static int[] brightestSpot(float[] px, int w, int h) {
    int bins = Math.max(1, w / BIN);
    int binRows = Math.max(1, h / BIN);
    double best = Double.NEGATIVE_INFINITY;
    int[] spot = {Math.min(w - 1, 1), Math.min(h - 1, 1)};
    double[] sums = new double[bins];
    for (int by = 0; by < binRows; by++) {
      java.util.Arrays.fill(sums, 0);
      for (int y = by * BIN; y < Math.min(h, by * BIN + BIN); y++) {
        for (int x = 0; x < Math.min(w, bins * BIN); x++) {
          float v = px[y * w + x];
          if (Float.isFinite(v)) {
            sums[x / BIN] += v;
          }
        }
      }
      for (int bx = 0; bx < bins; bx++) {
        if (sums[bx] > best) {
          best = sums[bx];
          spot = new int[] {Math.min(w - 1, bx * BIN + 1), Math.min(h - 1, by * BIN + 1)};
        }
      }
    }
    return spot;
  }

  private static double spotMean(float[] px, int w, int h, int[] spot) {
    double sum = 0;
    int n = 0;
    for (int y = Math.max(0, spot[1] - 1); y <= Math.min(h - 1, spot[1] + 1); y++) {
      for (int x = Math.max(0, spot[0] - 1); x <= Math.min(w - 1, spot[0] + 1); x++) {
        float v = px[y * w + x];
        if (Float.isFinite(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
