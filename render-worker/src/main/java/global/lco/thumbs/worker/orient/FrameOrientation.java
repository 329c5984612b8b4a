package global.lco.thumbs.worker.orient;

import global.lco.thumbs.shared.contract.OrientationMode;

/**
 * Which turn a frame's picture gets: the legacy flip unless north-up was asked for and the frame
 * allows it. Spectra and 1-D-like frames (a row, a slit: the shorter side at most a tenth of the
 * longer) are never turned, since their axes are not the sky's; frames without a usable CD matrix
 * keep the flip.
 */
public final class FrameOrientation {
  /** A frame whose shorter side is at most this fraction of the longer is a row or a trace, not a field. */
  static final int ONE_DIMENSIONAL_ASPECT = 10;

  private FrameOrientation() {
  }

  /** The turn of the FITS picture (row 0 at the top) for this frame. */
  public static Turn of(OrientationMode mode, int width, int height, OrientationHeader header) {
    if (mode != OrientationMode.WCS || header.spectrum() || oneDimensional(width, height) || header.cd().isEmpty()) {
      return Turn.LEGACY_FLIP;
    }
    return NorthUp.turn(header.cd().get());
  }

  static boolean oneDimensional(int width, int height) {
    return (long) Math.min(width, height) * ONE_DIMENSIONAL_ASPECT <= Math.max(width, height);
  }
}
