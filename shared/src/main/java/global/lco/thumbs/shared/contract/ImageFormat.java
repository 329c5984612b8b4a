package global.lco.thumbs.shared.contract;

import java.util.Locale;

/** The encoding of a rendered picture ({@code format=}): lossy JPEG, the default, or lossless 8-bit PNG. */
public enum ImageFormat {
  JPEG("image/jpeg", ".jpg"),
  PNG("image/png", ".png");

  public static final ImageFormat DEFAULT = JPEG;

  private final String contentType;
  private final String extension;

  ImageFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  /** The file name ending of a stored picture, with its dot. */
  public String extension() {
    return extension;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @throws IllegalArgumentException for anything but {@code jpeg} or {@code png} (any case) */
  public static ImageFormat parse(String value) {
    return switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
      case "jpeg" -> JPEG;
      case "png" -> PNG;
      default -> throw new IllegalArgumentException("must be one of jpeg/png");
    };
  }
}
