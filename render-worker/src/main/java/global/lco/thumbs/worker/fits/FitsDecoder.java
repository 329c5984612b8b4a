package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.orient.OrientationHeader;
import global.lco.thumbs.worker.pixels.FrameArrays;
import global.lco.thumbs.worker.sky.WcsReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * Finds the image to render in a FITS file held in memory (docs/rendering.md, decode) and decodes it to physical
 * floats. Headers are scanned first, on the raw bytes ({@link HeaderScan}) and then by nom-tam-fits;
 * pixel data is read only for the chosen HDU, after its size has been checked against the limits.
 * Compression is detected from the headers, never the name.
 */
public final class FitsDecoder {
  private static final byte[] MAGIC = "SIMPLE  =".getBytes(StandardCharsets.US_ASCII);
  private static final int BLOCK = 2880;
  /** nom-tam-fits logs every damaged file at SEVERE with a stack trace; we report them ourselves. */
  private static final Logger NOM_TAM_LOG = quiet(Logger.getLogger("nom.tam"));
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FitsDecoder.class);
  private static final boolean SHARED_TILE_THREADS = TileDecompressionThreads.ensureInstalled();

  private final FitsLimits limits;
  private final FrameArrays arrays;

  public FitsDecoder(FitsLimits limits) {
    this(limits, FrameArrays.ALLOCATE);
  }

  /** @param arrays where the float array of a RICE frame decoded by the fast path comes from */
  public FitsDecoder(FitsLimits limits, FrameArrays arrays) {
    this.limits = limits;
    this.arrays = arrays;
  }

  public FitsImage decode(byte[] file) throws UnreadableFitsException {
    var scan = prescan(file);
    byte[] padded = padLastBlock(file);
    try (Fits fits = new Fits(new InMemoryFileIO(padded))) {
      var chosen = chooseWithinLimits(fits, scan);
      var mosaic = AmplifierMosaic.plan(fits, scan.soundHdus(), chosen, limits);
      if (mosaic != null) {
        return mosaic.assemble(amplifier -> read(amplifier, padded, FrameArrays.ALLOCATE));
      }
      var header = chosen.hdu().getHeader();
      return read(chosen, padded, arrays).withHeader(WcsReader.read(header), OrientationHeader.read(header));
    } catch (IOException | RuntimeException broken) {
      throw new UnreadableFitsException("The FITS file is damaged or truncated", broken);
    }
  }

  /** The size of the image {@link #decode} would return and the heap decoding it takes, from the headers alone. */
  public ImageShape inspect(byte[] file) throws UnreadableFitsException {
    var scan = prescan(file);
    byte[] padded = padLastBlock(file);
    try (Fits fits = new Fits(new InMemoryFileIO(padded))) {
      var chosen = chooseWithinLimits(fits, scan);
      var mosaic = AmplifierMosaic.plan(fits, scan.soundHdus(), chosen, limits);
      if (mosaic != null) {
        return mosaic.shape(amplifier -> overhead(amplifier, padded), FitsDecoder::tiles);
      }
      return new ImageShape(chosen.width(), chosen.height(), overhead(chosen, padded), tiles(chosen));
    } catch (IOException | RuntimeException broken) {
      throw new UnreadableFitsException("The FITS file is damaged or truncated", broken);
    }
  }

  /** How many tiles the image is compressed in (0 when stored plain). */
  private static long tiles(ImageCandidate image) {
    return image.compressed() ? image.hdu().getHeader().getLongValue("NAXIS2", 0) : 0;
  }

  /** Heap the decoder holds besides the floats while decoding this image. */
  private static long overhead(ImageCandidate image, byte[] padded) {
    var fast = image.compressed() ? ricePlan(padded, (CompressedImageHDU) image.hdu(), image) : null;
    if (fast != null) {
      return fast.scratchBytes();
    }
    // nom-tam-fits holds the stored values (for compressed data, decompressed) beside our floats.
    int bitpix = image.hdu().getHeader().getIntValue(image.compressed() ? "ZBITPIX" : "BITPIX", -32);
    return image.pixels() * Math.max(1, Math.abs(bitpix) / 8);
  }

  /** Every header checked on the raw bytes before nom-tam-fits parses any of them. */
  private HeaderScan.Result prescan(byte[] file) throws UnreadableFitsException {
    if (!startsWithMagic(file)) {
      throw new UnreadableFitsException("Not a FITS file");
    }
    var scan = HeaderScan.scan(file, limits);
    if (scan.images() == 0 && scan.damage() != null) {
      throw new UnreadableFitsException(scan.damage());
    }
    return scan;
  }

  private ImageCandidate chooseWithinLimits(Fits fits, HeaderScan.Result prescan) throws UnreadableFitsException {
    ImageCandidate chosen = choose(scan(fits, prescan.soundHdus()));
    if (chosen.pixels() > limits.maxPixels()) {
      throw new UnreadableFitsException("Image of " + chosen.width() + "x" + chosen.height()
          + " pixels is larger than the limit of " + limits.maxPixels() + " pixels");
    }
    return chosen;
  }

  private static List<ImageCandidate> scan(Fits fits, int soundHdus) throws UnreadableFitsException {
    var candidates = new ArrayList<ImageCandidate>();
    for (int index = 0; index < soundHdus; index++) {
      BasicHDU<?> hdu;
      try {
        hdu = fits.readHDU();
      } catch (IOException | RuntimeException broken) {
        if (candidates.isEmpty()) {
          throw new UnreadableFitsException("The FITS file is damaged or truncated", broken);
        }
        break; // damage after a usable image does not stop us rendering it
      }
      if (hdu == null) {
        break;
      }
      ImageCandidate candidate = ImageCandidate.of(hdu);
      if (candidate != null) {
        if (candidate.science()) {
          return List.of(candidate);
        }
        candidates.add(candidate);
      }
    }
    return candidates;
  }

  private static ImageCandidate choose(List<ImageCandidate> candidates) throws UnreadableFitsException {
    if (candidates.isEmpty()) {
      throw new UnreadableFitsException("The FITS file holds no 2-D image");
    }
    return candidates.get(0);
  }

  private static FitsImage read(ImageCandidate candidate, byte[] file, FrameArrays arrays)
      throws UnreadableFitsException {
    if (candidate.compressed()) {
      var hdu = (CompressedImageHDU) candidate.hdu();
      float[] fast = riceFastPath(ricePlan(file, hdu, candidate), arrays);
      return fast != null ? new FitsImage(candidate.width(), candidate.height(), fast) : readCompressed(hdu, candidate);
    }
    ImageHDU image = (ImageHDU) candidate.hdu();
    var scaling = Scaling.of(image.getHeader());
    Object kernel = image.getKernel();
    if (kernel == null) {
      throw new UnreadableFitsException("The image has no pixel data");
    }
    float[] pixels = PhysicalValues.toFloats(kernel, candidate.width(), candidate.height(),
        candidate.axisCount() - 2, scaling.scale(), scaling.zero(), scaling.blank());
    return new FitsImage(candidate.width(), candidate.height(), pixels);
  }

  /** {@link RiceTiles}' plan when the HDU is in a layout it handles, else null (nom-tam-fits decodes it). */
  private static RiceTiles.Plan ricePlan(byte[] file, CompressedImageHDU hdu, ImageCandidate candidate) {
    try {
      return RiceTiles.plan(file, hdu, candidate.width(), candidate.height());
    } catch (UnreadableFitsException | RuntimeException unusual) {
      LOG.debug("RICE fast path declined the image: {}", unusual.toString());
      return null;
    }
  }

  /**
   * The plan's pixels, or null to hand the image to nom-tam-fits, which then decides whether the
   * file is damaged: the fast path may make a render quicker, never refuse a file nom-tam-fits reads.
   */
  private static float[] riceFastPath(RiceTiles.Plan plan, FrameArrays arrays) {
    if (plan == null) {
      return null;
    }
    try {
      return RiceTiles.decode(plan, arrays);
    } catch (RuntimeException unusual) {
      LOG.debug("RICE fast path could not decode the image, decoding with nom-tam-fits: {}", unusual.toString());
      return null;
    }
  }

  /**
   * Tile-compressed data straight from the flat buffer nom-tam-fits decompresses into (its tiles
   * are decompressed in parallel on its own pool), never through {@code asImageHDU().getKernel()},
   * which would copy the whole frame into a {@code float[][]} that we would then copy again.
   */
  private static FitsImage readCompressed(CompressedImageHDU hdu, ImageCandidate candidate)
      throws UnreadableFitsException {
    Header header;
    java.nio.Buffer data;
    try {
      header = hdu.getImageHeader();
      data = TileDecompressionThreads.awaitingAll(hdu::getUncompressedData);
    } catch (nom.tam.fits.FitsException broken) {
      throw new UnreadableFitsException("The FITS file is damaged or truncated", broken);
    }
    if (data == null) {
      throw new UnreadableFitsException("The image has no pixel data");
    }
    var scaling = Scaling.of(header);
    float[] pixels = PhysicalValues.fromBuffer(data, candidate.width(), candidate.height(), scaling.scale(),
        scaling.zero(), scaling.blank());
    return new FitsImage(candidate.width(), candidate.height(), pixels);
  }

  /** BSCALE, BZERO and BLANK of an image header; floating-point data is stored physical and ignores them. */
  private record Scaling(double scale, double zero, Long blank) {
    static Scaling of(Header header) {
      boolean integer = header.getIntValue("BITPIX", 0) > 0;
      return new Scaling(integer ? header.getDoubleValue("BSCALE", 1.0) : 1.0,
          integer ? header.getDoubleValue("BZERO", 0.0) : 0.0,
          integer && header.containsKey("BLANK") ? header.getLongValue("BLANK") : null);
    }
  }

  /**
   * Some writers omit the zero padding of the last 2880-byte block; astropy reads such files and
   * so do we. Only the last partial block is completed, so a file cut short elsewhere still fails.
   */
  private static byte[] padLastBlock(byte[] file) {
    int partial = file.length % BLOCK;
    return partial == 0 ? file : Arrays.copyOf(file, file.length + BLOCK - partial);
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.OFF);
    return logger;
  }

  private static boolean startsWithMagic(byte[] file) {
    if (file.length < 80) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (file[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
