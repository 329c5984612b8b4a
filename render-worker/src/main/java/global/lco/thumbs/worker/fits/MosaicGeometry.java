package global.lco.thumbs.worker.fits;

import java.util.List;

/**
 * Checks that amplifier sections describe one detector before any pixel is decoded: every
 * DATASEC inside its image, one whole-number binning shared by all amplifiers, DETSECs on that
 * binned grid and not overlapping, and the assembled image within the pixel limit.
 */
final class MosaicGeometry {

  private MosaicGeometry() {
  }

  static AmplifierMosaic check(List<AmplifierMosaic.Amplifier> amplifiers, FitsLimits limits)
      throws UnreadableFitsException {
    var first = amplifiers.get(0);
    int binX = binning(first, first.detector().width(), first.data().width(), "x");
    int binY = binning(first, first.detector().height(), first.data().height(), "y");
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    long maxX = Long.MIN_VALUE;
    long maxY = Long.MIN_VALUE;
    long decoded = 0;
    for (var amplifier : amplifiers) {
      var data = amplifier.data();
      var image = amplifier.image();
      if (data.maxX() > image.width() || data.maxY() > image.height()) {
        throw inconsistent(amplifier, "DATASEC " + data + " lies outside its " + image.width() + "x" + image.height()
            + " image");
      }
      if (binning(amplifier, amplifier.detector().width(), data.width(), "x") != binX
          || binning(amplifier, amplifier.detector().height(), data.height(), "y") != binY) {
        throw inconsistent(amplifier, "its DETSEC/DATASEC binning differs from extension " + first.hdu() + "'s "
            + binX + "x" + binY);
      }
      minX = Math.min(minX, amplifier.detector().minX());
      minY = Math.min(minY, amplifier.detector().minY());
      maxX = Math.max(maxX, amplifier.detector().maxX());
      maxY = Math.max(maxY, amplifier.detector().maxY());
      decoded += image.pixels();
    }
    for (var amplifier : amplifiers) {
      if ((amplifier.detector().minX() - minX) % binX != 0 || (amplifier.detector().minY() - minY) % binY != 0) {
        throw inconsistent(amplifier, "its DETSEC " + amplifier.detector() + " is off the " + binX + "x" + binY
            + " binned grid of the other amplifiers");
      }
    }
    long width = (maxX - minX + 1) / binX;
    long height = (maxY - minY + 1) / binY;
    if (width * height > limits.maxPixels() || decoded > limits.maxPixels()) {
      throw new UnreadableFitsException("Mosaic of " + amplifiers.size() + " amplifiers (" + width + "x" + height
          + " pixels, " + decoded + " to decode) is larger than the limit of " + limits.maxPixels() + " pixels");
    }
    checkNoOverlap(amplifiers);
    return AmplifierMosaic.of(amplifiers, binX, binY, minX, minY, (int) width, (int) height);
  }

  /** Detector pixels per data pixel along one axis; refused unless a whole number. */
  private static int binning(AmplifierMosaic.Amplifier amplifier, int detector, int data, String axis)
      throws UnreadableFitsException {
    if (detector % data != 0) {
      throw inconsistent(amplifier, "its DETSEC " + amplifier.detector() + " spans " + detector + " detector pixels in "
          + axis + " for " + data + " DATASEC pixels, not a whole binning");
    }
    return detector / data;
  }

  private static void checkNoOverlap(List<AmplifierMosaic.Amplifier> amplifiers) throws UnreadableFitsException {
    for (int a = 0; a < amplifiers.size(); a++) {
      for (int b = a + 1; b < amplifiers.size(); b++) {
        var p = amplifiers.get(a).detector();
        var q = amplifiers.get(b).detector();
        if (p.minX() <= q.maxX() && q.minX() <= p.maxX() && p.minY() <= q.maxY() && q.minY() <= p.maxY()) {
          throw new UnreadableFitsException("Amplifier sections overlap: extension " + amplifiers.get(a).hdu()
              + " DETSEC " + p + " and extension " + amplifiers.get(b).hdu() + " DETSEC " + q);
        }
      }
    }
  }

  private static UnreadableFitsException inconsistent(AmplifierMosaic.Amplifier amplifier, String why) {
    return new UnreadableFitsException("Inconsistent amplifier sections in extension " + amplifier.hdu() + ": " + why);
  }
}
