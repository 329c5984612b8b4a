package global.lco.thumbs.worker.render.colour;

/**
 * Where a channel's content sits relative to the reference channel: the moving channel at
 * {@code (x + dx, y + dy)} shows what the reference shows at {@code (x, y)}.
 *
 * @param dx         horizontal offset in pixels (sub-pixel)
 * @param dy         vertical offset in pixels (sub-pixel)
 * @param confidence peak-to-sidelobe ratio of the correlation peak the offset came from
 * @param aligned    false when registration was not confident and the channel is used as it is
 */
public record Shift(double dx, double dy, double confidence, boolean aligned) {

  /** No offset: the channel is stacked unaligned. */
  public static Shift none(double confidence) {
    return new Shift(0, 0, confidence, false);
  }
}
