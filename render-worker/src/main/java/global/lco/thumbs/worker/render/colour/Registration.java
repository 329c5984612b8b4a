package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

/**
 * Finds the translation of one colour channel relative to another (docs/colour.md), sub-pixel. A coarse
 * phase correlation on box-reduced whole frames finds the offset wherever it is; a second one on
 * a full-resolution centre window, pre-shifted by the coarse result, refines it. A correlation
 * peak that does not stand out from its sidelobes is not trusted: the channel then stays unaligned,
 * which is what the old service always did, rather than being moved somewhere wrong.
 */
public final class Registration {

  /**
   * Longest side of the reduced image of the coarse pass. It only has to land within a few pixels
   * for the refinement, and 256² transforms cost a fifth of 512² ones.
   */
  static final int COARSE_SIDE = 256;

  /** Largest side of the full-resolution refinement window. */
  static final int FINE_SIDE = 512;

  /** Below this the window holds too few stars to refine anything. */
  static final int MIN_FINE_SIDE = 32;

  /**
   * Peak-to-sidelobe ratio a peak needs. Measured on the corpus: unrelated images (noise, different
   * fields) score 6–10, the same field in different filters 80–300, a shifted copy thousands.
   */
  public static final double MIN_CONFIDENCE = 20;

  private Registration() {
  }

  /** The shift of {@code moving} relative to {@code reference}; both planes must have the same size. */
  public static Shift estimate(Plane reference, Plane moving) {
    if (reference.width() != moving.width() || reference.height() != moving.height()) {
      throw new IllegalArgumentException("planes differ in size; centre-crop them first");
    }
    int w = reference.width();
    int h = reference.height();
    int factor = Math.max(1, (Math.max(w, h) + COARSE_SIDE - 1) / COARSE_SIDE);
    int rw = w / factor;
    int rh = h / factor;
    if (rw < 4 || rh < 4) {
      return Shift.none(0);
    }
    var coarse = PhaseCorrelation.correlate(reduce(reference, factor, rw, rh), reduce(moving, factor, rw, rh), rw, rh);
    if (!(coarse.sidelobeRatio() >= MIN_CONFIDENCE)) {
      return Shift.none(coarse.sidelobeRatio());
    }
    var rough = new Shift(coarse.dx() * factor, coarse.dy() * factor, coarse.sidelobeRatio(), true);
    return factor == 1 ? rough : refine(reference, moving, rough, factor);
  }

  /** The coarse shift corrected at full resolution, or the coarse shift itself when the window cannot confirm it. */
  private static Shift refine(Plane reference, Plane moving, Shift rough, int factor) {
    int ox = (int) Math.round(rough.dx());
    int oy = (int) Math.round(rough.dy());
    int ww = Math.min(FINE_SIDE, Integer.highestOneBit(Math.max(1, reference.width() - Math.abs(ox))));
    int wh = Math.min(FINE_SIDE, Integer.highestOneBit(Math.max(1, reference.height() - Math.abs(oy))));
    if (ww < MIN_FINE_SIDE || wh < MIN_FINE_SIDE) {
      return rough;
    }
    // Centre the reference window, then move the other window by the rough offset, keeping both inside.
    int rx = clamp((reference.width() - ww) / 2, Math.max(0, -ox), reference.width() - ww - Math.max(0, ox));
    int ry = clamp((reference.height() - wh) / 2, Math.max(0, -oy), reference.height() - wh - Math.max(0, oy));
    var fine = PhaseCorrelation.correlate(window(reference, rx, ry, ww, wh), window(moving, rx + ox, ry + oy, ww, wh),
        ww, wh);
    boolean consistent = Math.abs(fine.dx()) <= factor + 1 && Math.abs(fine.dy()) <= factor + 1;
    if (!(fine.sidelobeRatio() >= MIN_CONFIDENCE) || !consistent) {
      return rough;
    }
    return new Shift(ox + fine.dx(), oy + fine.dy(), fine.sidelobeRatio(), true);
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Box average of {@code factor × factor} blocks; the ragged right and bottom edges are dropped. */
  static float[] reduce(Plane plane, int factor, int rw, int rh) {
    byte[] px = plane.pixels();
    int w = plane.width();
    float[] out = new float[rw * rh];
    float norm = 1f / (factor * factor);
    for (int y = 0; y < rh; y++) {
      for (int x = 0; x < rw; x++) {
        int sum = 0;
        for (int dy = 0; dy < factor; dy++) {
          int row = (y * factor + dy) * w + x * factor;
          for (int dx = 0; dx < factor; dx++) {
            sum += px[row + dx] & 0xFF;
          }
        }
        out[y * rw + x] = sum * norm;
      }
    }
    return out;
  }

  private static float[] window(Plane plane, int x0, int y0, int ww, int wh) {
    byte[] px = plane.pixels();
    float[] out = new float[ww * wh];
    for (int y = 0; y < wh; y++) {
      int row = (y0 + y) * plane.width() + x0;
      for (int x = 0; x < ww; x++) {
        out[y * ww + x] = px[row + x] & 0xFF;
      }
    }
    return out;
  }
}
