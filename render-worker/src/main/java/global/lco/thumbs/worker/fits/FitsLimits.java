package global.lco.thumbs.worker.fits;

/**
 * Bounds checked from headers before pixel data is read, so a hostile file cannot make the worker
 * allocate more than it would for a legitimate large frame.
 *
 * @param maxPixels      largest image (NAXIS1·NAXIS2, or the product of ZNAXISn when tile-compressed) accepted
 * @param maxHdus        HDUs scanned while looking for the image
 * @param maxHeaderCards cards read in one header while looking for its END card
 * @param maxTiles       tiles a compressed image may be split into (nom-tam-fits keeps an object per tile)
 */
public record FitsLimits(long maxPixels, int maxHdus, int maxHeaderCards, long maxTiles) {
  public static final int DEFAULT_MAX_HDUS = 64;
  /** Observatory headers run to a few hundred cards; the largest instrument headers to a few thousand. */
  public static final int DEFAULT_MAX_HEADER_CARDS = 10_000;
  /** Row tiling of a 10k-row frame is 10k tiles; fpack's HCOMPRESS tiles are 16 rows. */
  public static final long DEFAULT_MAX_TILES = 100_000;

  public FitsLimits {
    if (maxPixels < 1 || maxHdus < 1 || maxHeaderCards < 1 || maxTiles < 1) {
      throw new IllegalArgumentException("FITS limits must be positive");
    }
  }

  /** The given pixel limit with the default HDU, header and tile limits. */
  public static FitsLimits of(long maxPixels) {
    return new FitsLimits(maxPixels, DEFAULT_MAX_HDUS, DEFAULT_MAX_HEADER_CARDS, DEFAULT_MAX_TILES);
  }
}
