package global.lco.thumbs.worker.cutout;

import global.lco.thumbs.shared.contract.CutoutParams;

/**
 * The part of the frame a cutout covers: the asked box centred on (x, y), trimmed to the frame.
 * Coordinates are 0-based columns and FITS rows; {@code x1}, {@code y1} are exclusive.
 */
record CutoutBox(int x0, int y0, int x1, int y1) {

  /** The trimmed box, or null when the asked one misses the frame entirely. */
  static CutoutBox of(CutoutParams c, int width, int height) {
    long left = (long) c.x() - c.width() / 2;
    long top = (long) c.y() - c.height() / 2;
    long x0 = Math.max(0, left);
    long y0 = Math.max(0, top);
    long x1 = Math.min(width, left + c.width());
    long y1 = Math.min(height, top + c.height());
    return x0 < x1 && y0 < y1 ? new CutoutBox((int) x0, (int) y0, (int) x1, (int) y1) : null;
  }

  int width() {
    return x1 - x0;
  }

  int height() {
    return y1 - y0;
  }
}
