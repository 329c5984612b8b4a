package global.lco.thumbs.worker.fits;

import java.util.regex.Pattern;

/**
 * An IRAF-style image section {@code [x1:x2,y1:y2]} (1-based, inclusive; x1 > x2 runs backwards),
 * as raw multi-amplifier frames write DATASEC (the exposed pixels of an amplifier's image) and
 * DETSEC (where they sit on the detector, in unbinned detector pixels).
 */
record DetectorSection(int x1, int x2, int y1, int y2) {
  private static final Pattern SECTION = Pattern.compile(
      "\\[\\s*(\\d{1,9})\\s*:\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*:\\s*(\\d{1,9})\\s*]");

  /** The section a header value describes, or null when it is absent or not a section (e.g. {@code UNKNOWN}). */
  static DetectorSection parse(String value) {
    if (value == null) {
      return null;
    }
    var m = SECTION.matcher(value.trim());
    if (!m.matches()) {
      return null;
    }
    var section = new DetectorSection(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    return section.x1 >= 1 && section.x2 >= 1 && section.y1 >= 1 && section.y2 >= 1 ? section : null;
  }

  int width() {
    return Math.abs(x2 - x1) + 1;
  }

  int height() {
    return Math.abs(y2 - y1) + 1;
  }

  int minX() {
    return Math.min(x1, x2);
  }

  int maxX() {
    return Math.max(x1, x2);
  }

  int minY() {
    return Math.min(y1, y2);
  }

  int maxY() {
    return Math.max(y1, y2);
  }

  int stepX() {
    return x2 >= x1 ? 1 : -1;
  }

  int stepY() {
    return y2 >= y1 ? 1 : -1;
  }

  @Override
  public String toString() {
    return "[" + x1 + ":" + x2 + "," + y1 + ":" + y2 + "]";
  }
}
