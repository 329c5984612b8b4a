package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

import global.lco.thumbs.worker.sky.CelestialWcs;

/**
 * The shift of a moving channel relative to the reference channel from their frames' WCS: where
 * the centre of the reference's (centre-cropped) area falls on the moving frame's pixel grid. The
 * corners are mapped too, to see whether a translation describes the two grids at all.
 */
final class WcsRegistration {

  /** Frames whose grids agree this closely share one grid: stacking them untouched is exact enough. */
  static final double SAME_GRID_PX = 0.05;

  /** Largest misfit of a pure translation at the corners; beyond it the frames differ in rotation or scale. */
  static final double MAX_CORNER_MISFIT_PX = 0.5;

  /** What the WCS say about a pair of frames. */
  sealed interface Outcome {
  }

  /** The grids differ by this translation (snapped to whole pixels within {@link #SAME_GRID_PX}). */
  record Translation(Shift shift) implements Outcome {
  }

  /** The WCS cannot align the frames with a translation; {@code reason} says why, for the log. */
  record Unaligned(String reason) implements Outcome {
  }

  private WcsRegistration() {
  }

  /**
   * @param cropWidth  width of the area all three channels are centre-cropped to
   * @param cropHeight its height
   */
  static Outcome estimate(Plane reference, CelestialWcs referenceWcs, Plane moving, CelestialWcs movingWcs,
                          int cropWidth, int cropHeight) {
    var grids = new Grids(reference, referenceWcs, moving, movingWcs, cropWidth, cropHeight);
    double cx = (cropWidth - 1) / 2.0;
    double cy = (cropHeight - 1) / 2.0;
    double[] centre = grids.displacement(cx, cy);
    if (centre == null) {
      return new Unaligned("the frames' centres are more than 90° apart");
    }
    double misfit = 0;
    for (double[] corner : new double[][] {{0, 0}, {cropWidth - 1, 0}, {0, cropHeight - 1},
        {cropWidth - 1, cropHeight - 1}}) {
      double[] d = grids.displacement(corner[0], corner[1]);
      if (d == null) {
        return new Unaligned("a corner of the reference frame is more than 90° from the other frame's centre");
      }
      misfit = Math.max(misfit, Math.hypot(d[0] - centre[0], d[1] - centre[1]));
    }
    if (misfit > MAX_CORNER_MISFIT_PX) {
      return new Unaligned(String.format("the frames differ in rotation or scale (a translation misses the corners by %.2f px)",
          misfit));
    }
    // Less than half the frame in common is a different pointing, not a dither: a thin strip of sky is no thumbnail.
    if (Math.abs(centre[0]) > cropWidth / 2.0 || Math.abs(centre[1]) > cropHeight / 2.0) {
      return new Unaligned(String.format("the frames barely overlap (offset %.1f, %.1f px)", centre[0], centre[1]));
    }
    return new Translation(Shift.fromWcs(centre[0], centre[1]).snapped(SAME_GRID_PX));
  }

  /**
   * Picture coordinates of the cropped planes (row 0 at the top) against FITS pixel coordinates
   * of the frames (1-based, row 1 at the bottom): the planes were flipped when stretched.
   */
  private record Grids(Plane reference, CelestialWcs referenceWcs, Plane moving, CelestialWcs movingWcs,
                       int cropWidth, int cropHeight) {

    /** How far the moving frame's pixel showing what the reference shows at {@code (x, y)} is from {@code (x, y)}. */
    double[] displacement(double x, double y) {
      double fitsX = x + (reference.width() - cropWidth) / 2 + 1;
      double fitsY = reference.height() - (y + (reference.height() - cropHeight) / 2);
      double[] sky = referenceWcs.toSky(fitsX, fitsY);
      double[] there = movingWcs.toPixel(sky[0], sky[1]);
      if (there == null) {
        return null;
      }
      double mx = there[0] - 1 - (moving.width() - cropWidth) / 2;
      double my = moving.height() - there[1] - (moving.height() - cropHeight) / 2;
      return new double[] {mx - x, my - y};
    }
  }
}
