package global.lco.thumbs.worker.fits;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * An HDU that holds a 2-D image, judged from its header alone (pixel data not read yet).
 *
 * @param axisCount NAXIS (or ZNAXIS) as written, before trailing length-1 axes are dropped
 */
record ImageCandidate(BasicHDU<?> hdu, int width, int height, int axisCount, boolean science, boolean compressed) {

  /** The candidate for this HDU, or null if it is not a 2-D image (tables, empty primaries, cubes). */
  static ImageCandidate of(BasicHDU<?> hdu) throws UnreadableFitsException {
    Header header = hdu.getHeader();
    boolean compressed = hdu instanceof CompressedImageHDU;
    if (!compressed && !(hdu instanceof ImageHDU)) {
      return null;
    }
    String prefix = compressed ? "ZNAXIS" : "NAXIS";
    int axisCount = header.getIntValue(prefix, 0);
    if (axisCount < 2) {
      return null;
    }
    if (axisCount > 999) {
      throw new UnreadableFitsException(prefix + " " + axisCount + " is not a valid number of axes");
    }
    long width = header.getLongValue(prefix + "1", 0);
    long height = header.getLongValue(prefix + "2", 0);
    for (int axis = 3; axis <= axisCount; axis++) {
      if (header.getLongValue(prefix + axis, 0) != 1) {
        return null;
      }
    }
    if (width <= 0 || height <= 0) {
      return null;
    }
    if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      throw new UnreadableFitsException("Image axes " + width + "x" + height + " are too large");
    }
    boolean science = "SCI".equalsIgnoreCase(header.getStringValue("EXTNAME", "").trim());
    return new ImageCandidate(hdu, (int) width, (int) height, axisCount, science, compressed);
  }

  long pixels() {
    return (long) width * height;
  }
}
