package global.lco.thumbs.gateway.iiif;

/**
 * The bound on what one IIIF request may render (info.json's {@code maxWidth}, {@code maxHeight},
 * {@code maxArea}): larger sizes are refused with 400 before the archive is asked.
 */
public record ImageLimits(int maxWidth, int maxHeight, long maxArea) {
  /** 4096² pixels: a whole 4k frame at full resolution, about 16 MB of pixels to encode. */
  public static final long DEFAULT_MAX_AREA = 4096L * 4096L;

  public static ImageLimits of(int maxSide) {
    return new ImageLimits(maxSide, maxSide, Math.min(DEFAULT_MAX_AREA, (long) maxSide * maxSide));
  }

  boolean allows(long width, long height) {
    return width <= maxWidth && height <= maxHeight && width * height <= maxArea;
  }
}
