package global.lco.thumbs.shared.contract;

import java.util.Locale;

/**
 * How a picture is turned before it is sized ({@code orient=}). fits2image 0.4.6, which the service we
 * replace used, always flips vertically; fits2image 1.0.0 (today's upstream, whose default is {@code wcs})
 * puts north up and east left from the frame's CD matrix, to the nearest 90°.
 */
public enum OrientationMode {
  /** The vertical flip of fits2image 0.4.6: FITS row 0 at the bottom. */
  LEGACY,
  /** North up, east left from the CD matrix; frames without a usable one fall back to {@link #LEGACY}. */
  WCS;

  public static final OrientationMode DEFAULT = LEGACY;

  /** The name used in queries, settings and JSON. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but {@code legacy} or {@code wcs} (any case) */
  public static OrientationMode parse(String value) {
    return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
      case "legacy" -> LEGACY;
      case "wcs" -> WCS;
      default -> throw new IllegalArgumentException("must be one of wcs/legacy");
    };
  }
}
