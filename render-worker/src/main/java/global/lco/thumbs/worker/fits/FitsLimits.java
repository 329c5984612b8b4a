package global.lco.thumbs.worker.fits;

/**
 * Bounds checked from headers before pixel data is read, so a hostile file cannot make the worker
 * allocate more than it would for a legitimate large frame.
 *
 * @param maxPixels  largest NAXIS1·NAXIS2 accepted
 * @param maxHdus    HDUs scanned while looking for the image
 */
public record FitsLimits(long maxPixels, int maxHdus) {
  public static final int DEFAULT_MAX_HDUS = 64;

  public static FitsLimits of(long maxPixels) {
    return new FitsLimits(maxPixels, DEFAULT_MAX_HDUS);
  }
}
