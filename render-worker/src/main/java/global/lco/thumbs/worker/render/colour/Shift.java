package global.lco.thumbs.worker.render.colour;

/**
 * Where a channel's content sits relative to the reference channel: the moving channel at
 * {@code (x + dx, y + dy)} shows what the reference shows at {@code (x, y)}.
 *
 * @param dx         horizontal offset in pixels (sub-pixel)
 * @param dy         vertical offset in pixels (sub-pixel)
 * @param confidence peak-to-sidelobe ratio of the correlation peak the offset came from; 0 when it did not come from one
 * @param aligned    false when the channel is used as it is (registration not confident or not possible)
 * @param basis      what the offset was measured from
 */
public record Shift(double dx, double dy, double confidence, boolean aligned, Basis basis) {

  /** What an offset was measured from. */
  public enum Basis {
    /** The two frames' celestial WCS. */
    WCS,
    /** Phase correlation of the two images. */
    CORRELATION,
    /** Nothing: the channel is stacked unaligned. */
    NONE
  }

  /** A correlation result (or, unaligned, its failure). */
  public Shift(double dx, double dy, double confidence, boolean aligned) {
    this(dx, dy, confidence, aligned, aligned ? Basis.CORRELATION : Basis.NONE);
  }

  /** No offset: the channel is stacked unaligned. */
  public static Shift none(double confidence) {
    return new Shift(0, 0, confidence, false, Basis.NONE);
  }

  /** The offset the frames' WCS give. */
  public static Shift fromWcs(double dx, double dy) {
    return new Shift(dx, dy, 0, true, Basis.WCS);
  }

  /** Whole pixels of the horizontal offset, towards zero: the columns stacking has to give up. */
  public int wholeX() {
    return (int) dx;
  }

  public int wholeY() {
    return (int) dy;
  }

  /**
   * This shift with each component that lies within {@code tolerance} of a whole number set to it,
   * so that a measurement noise of a fraction of a pixel does not resample a channel that needs none.
   */
  public Shift snapped(double tolerance) {
    return new Shift(snap(dx, tolerance), snap(dy, tolerance), confidence, aligned, basis);
  }

  private static double snap(double v, double tolerance) {
    double whole = Math.rint(v);
    return Math.abs(v - whole) <= tolerance ? whole + 0.0 : v;
  }
}
