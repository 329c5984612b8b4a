package global.lco.thumbs.worker.fits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;

/**
 * A raw frame whose detector is read out through several amplifiers, one image extension each
 * (same EXTNAME, each with DATASEC and DETSEC), put back together as one detector image: each
 * amplifier's DATASEC (its overscan left out) placed at its DETSEC, flipped where DETSEC runs
 * backwards, binned as DETSEC's extent over DATASEC's says. Detector pixels no amplifier covers
 * (gaps between chips) are missing values. Sections that do not fit together are refused, never
 * rendered as part of a detector.
 */
final class AmplifierMosaic {

  /** Decodes one amplifier's image (the decoder's own path for a single image). */
  @FunctionalInterface
  interface AmplifierReader {
    FitsImage read(ImageCandidate amplifier) throws UnreadableFitsException;
  }

  /** One amplifier: its image HDU, the part of it that saw light, and where that part sits on the detector. */
  record Amplifier(int hdu, ImageCandidate image, DetectorSection data, DetectorSection detector) {
  }

  private final List<Amplifier> amplifiers;
  private final int binX;
  private final int binY;
  private final int originX;
  private final int originY;
  private final int width;
  private final int height;

  private AmplifierMosaic(List<Amplifier> amplifiers, int binX, int binY, int originX, int originY, int width,
                          int height) {
    this.amplifiers = amplifiers;
    this.binX = binX;
    this.binY = binY;
    this.originX = originX;
    this.originY = originY;
    this.width = width;
    this.height = height;
  }

  /**
   * The mosaic of the frame whose chosen image is {@code chosen}, or null when the frame is not
   * one: the chosen image has no DATASEC/DETSEC section, or no other image shares its EXTNAME.
   *
   * @param soundHdus HDUs the header scan passed; only those are looked at
   * @throws UnreadableFitsException when the amplifiers' sections are inconsistent, overlap or
   *     exceed the pixel limit
   */
  static AmplifierMosaic plan(Fits fits, int soundHdus, ImageCandidate chosen, FitsLimits limits)
      throws UnreadableFitsException {
    if (sections(chosen) == null) {
      return null;
    }
    String name = extname(chosen.hdu().getHeader());
    var amplifiers = new ArrayList<Amplifier>();
    for (int index = 0; index < soundHdus; index++) {
      ImageCandidate image = ImageCandidate.of(hdu(fits, index));
      if (image == null || !extname(image.hdu().getHeader()).equals(name)) {
        continue;
      }
      DetectorSection[] sections = sections(image);
      if (sections == null) {
        throw new UnreadableFitsException("Extension " + index + " (" + describe(name)
            + ") has no DATASEC/DETSEC section while other amplifiers of this frame have them");
      }
      amplifiers.add(new Amplifier(index, image, sections[0], sections[1]));
    }
    return amplifiers.size() < 2 ? null : MosaicGeometry.check(amplifiers, limits);
  }

  static AmplifierMosaic of(List<Amplifier> amplifiers, int binX, int binY, int originX, int originY, int width,
                            int height) {
    return new AmplifierMosaic(List.copyOf(amplifiers), binX, binY, originX, originY, width, height);
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  List<Amplifier> amplifiers() {
    return amplifiers;
  }

  /**
   * The assembled size and the decoder's heap besides its floats: amplifiers are decoded one at a
   * time, so the largest one's floats plus what decoding it holds ({@code overhead}); the tiles are
   * those of all amplifiers.
   */
  ImageShape shape(ToLongFunction<ImageCandidate> overhead, ToLongFunction<ImageCandidate> tiles) {
    long largest = 0;
    long allTiles = 0;
    for (var amplifier : amplifiers) {
      largest = Math.max(largest, amplifier.image().pixels() * Float.BYTES + overhead.applyAsLong(amplifier.image()));
      allTiles += tiles.applyAsLong(amplifier.image());
    }
    return new ImageShape(width, height, largest, allTiles);
  }

  /**
   * The detector image, decoding one amplifier at a time. It has no WCS: the amplifiers' headers
   * do not describe the assembled grid, so colour registration of a mosaic uses correlation.
   */
  FitsImage assemble(AmplifierReader reader) throws UnreadableFitsException {
    float[] out = new float[width * height];
    Arrays.fill(out, Float.NaN);
    for (var amplifier : amplifiers) {
      FitsImage image = reader.read(amplifier.image());
      place(image, amplifier, out);
    }
    return new FitsImage(width, height, out);
  }

  /** Copies one amplifier's data section to its place: data pixel k along an axis lands on detector pixel k. */
  private void place(FitsImage image, Amplifier amplifier, float[] out) {
    DetectorSection data = amplifier.data();
    DetectorSection det = amplifier.detector();
    // The mosaic column and row of the data section's first pixel; a backwards DETSEC starts at its far end.
    int col0 = det.stepX() > 0 ? (det.x1() - originX) / binX : (det.x1() - originX - (binX - 1)) / binX;
    int row0 = det.stepY() > 0 ? (det.y1() - originY) / binY : (det.y1() - originY - (binY - 1)) / binY;
    float[] px = image.pixels();
    for (int j = 0; j < data.height(); j++) {
      int srcRow = (data.y1() - 1 + j * data.stepY()) * image.width();
      int dstRow = (row0 + j * det.stepY()) * width;
      for (int i = 0; i < data.width(); i++) {
        out[dstRow + col0 + i * det.stepX()] = px[srcRow + data.x1() - 1 + i * data.stepX()];
      }
    }
  }

  /** DATASEC and DETSEC of an image, or null unless both are sections. */
  private static DetectorSection[] sections(ImageCandidate image) {
    Header header = image.hdu().getHeader();
    var data = DetectorSection.parse(header.getStringValue("DATASEC"));
    var detector = DetectorSection.parse(header.getStringValue("DETSEC"));
    return data == null || detector == null ? null : new DetectorSection[] {data, detector};
  }

  private static BasicHDU<?> hdu(Fits fits, int index) throws UnreadableFitsException {
    try {
      return fits.getHDU(index);
    } catch (IOException | RuntimeException broken) {
      throw new UnreadableFitsException("The FITS file is damaged or truncated", broken);
    }
  }

  private static String extname(Header header) {
    return header.getStringValue("EXTNAME", "").trim().toUpperCase();
  }

  static String describe(String extname) {
    return extname.isEmpty() ? "no EXTNAME" : "EXTNAME " + extname;
  }
}
