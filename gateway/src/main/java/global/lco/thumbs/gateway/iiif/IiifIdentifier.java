package global.lco.thumbs.gateway.iiif;

/**
 * A IIIF identifier (docs/iiif.md): a frame id or basename, as on the thumbnail routes, optionally
 * followed by {@code ~median} (fits2image's median contrast mode) and {@code ~color} (the colour
 * composite of the frame's request). Options come in that order, each at most once, so one picture
 * has one identifier.
 */
public record IiifIdentifier(String frame, boolean median, boolean color) {
  private static final String MEDIAN = "~median";
  private static final String COLOR = "~color";

  /** The identifier, or null when it is not one of ours (a 404). */
  public static IiifIdentifier parse(String text) {
    if (text == null) {
      return null;
    }
    var rest = text;
    boolean color = rest.endsWith(COLOR);
    if (color) {
      rest = rest.substring(0, rest.length() - COLOR.length());
    }
    boolean median = rest.endsWith(MEDIAN);
    if (median) {
      rest = rest.substring(0, rest.length() - MEDIAN.length());
    }
    return rest.isEmpty() || rest.indexOf('~') >= 0 ? null : new IiifIdentifier(rest, median, color);
  }

  @Override
  public String toString() {
    return frame + (median ? MEDIAN : "") + (color ? COLOR : "");
  }
}
