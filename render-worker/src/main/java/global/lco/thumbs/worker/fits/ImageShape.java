package global.lco.thumbs.worker.fits;

/**
 * What a header says about an image before its data is read.
 *
 * @param bytesPerStoredPixel |BITPIX|/8 of the stored (or, compressed, the uncompressed) values
 */
public record ImageShape(int width, int height, int bytesPerStoredPixel) {
  public long pixels() {
    return (long) width * height;
  }
}
