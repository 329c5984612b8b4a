package global.lco.thumbs.worker.orient;

/**
 * fits2image 1.0.0's rule for putting north up and east left, to the nearest 90°. North (0, 1) and
 * east (1, 0) in standard coordinates (ξ towards east, η towards north) are taken back to pixel
 * directions through the inverse CD matrix, then into picture coordinates of the FITS array drawn
 * with row 0 at the top (so "up" is −y). If north × east has the wrong sign for north-up/east-left
 * the picture is mirrored left-right; then it is turned by the multiple of 90° that brings north
 * nearest to up.
 */
public final class NorthUp {

  private NorthUp() {
  }

  /** The turn of the FITS picture (row 0 at the top) that puts north up and east left. */
  public static Turn turn(CdMatrix cd) {
    double det = cd.determinant();
    // Columns of the inverse matrix: the pixel steps of one unit of η (north) and of ξ (east).
    double northX = -cd.m12() / det;
    double northY = cd.m11() / det;
    double eastX = cd.m22() / det;
    double eastY = -cd.m21() / det;
    // In a frame whose second axis points up the picture: up is −y of the array.
    double nx = northX;
    double ny = -northY;
    double ex = eastX;
    double ey = -eastY;
    // North up and east left give a positive z of north × east; anything else needs one mirror.
    boolean mirror = nx * ey - ny * ex < 0;
    if (mirror) {
      nx = -nx;
    }
    // North's angle counter-clockwise from up; a counter-clockwise quarter turn adds 90°.
    double theta = Math.toDegrees(Math.atan2(-nx, ny));
    int quarterTurns = (int) Math.rint(-theta / 90.0);
    return new Turn(mirror, quarterTurns);
  }
}
