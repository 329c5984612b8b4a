package global.lco.thumbs.worker.fits;

import static global.lco.thumbs.worker.fits.FitsWriter.card;
import static global.lco.thumbs.worker.fits.FitsWriter.cardsOnly;
import static global.lco.thumbs.worker.fits.FitsWriter.concat;
import static global.lco.thumbs.worker.fits.FitsWriter.emptyPrimary;
import static global.lco.thumbs.worker.fits.FitsWriter.floatImage;
import static global.lco.thumbs.worker.fits.FitsWriter.gzip;
import static global.lco.thumbs.worker.fits.FitsWriter.gzipCompressed;
import static global.lco.thumbs.worker.fits.FitsWriter.gzipRows;
import static global.lco.thumbs.worker.fits.FitsWriter.header;
import static global.lco.thumbs.worker.fits.FitsWriter.padded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.job.RenderJobRunner;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken FITS files, generated here byte by byte plus the corpus's broken files. Each
 * is either refused with a message saying what is wrong (422 at the service) before any pixel
 * array is allocated, or, where it is a legitimate if odd image, rendered.
 */
class HostileFitsTest {
  private static final long LIMIT = 100_000_000L;
  private static final FitsDecoder DECODER = new FitsDecoder(FitsLimits.of(LIMIT));
  /** Far below any claimed image in the cases below (the smallest claims 324 MB of floats). */
  private static final long ALLOCATION_BOUND = 48L * 1024 * 1024;

  static Stream<Arguments> refused() {
    return Stream.of(
        refuse("an empty file", new byte[0], "Not a FITS file"),
        refuse("random garbage bytes", random(10_000), "Not a FITS file"),
        refuse("SIMPLE misspelled", header("SIMPEL  =                    T", card("BITPIX", 8), card("NAXIS", 0)),
            "Not a FITS file"),
        refuse("SIMPLE = F", header(card("SIMPLE", false), card("BITPIX", 8), card("NAXIS", 0)),
            "Not a standard FITS file (SIMPLE is not T)"),
        refuse("an HTML error page served as FITS", Corpus.bytes("../archive/html-error-page.fits.fz"),
            "Not a FITS file"),
        refuse("a gzipped FITS file (.fits.gz is not tile compression)", gzip(plain(10, 10)), "Not a FITS file"),
        refuse("a header with no END card before the end of the file",
            cardsOnly(List.of(card("SIMPLE", true), card("BITPIX", 8), card("NAXIS", 0))),
            "The FITS file is truncated inside the header of HDU 0"),
        refuse("a header of 20000 cards without END", hugeHeader(20_000, false),
            "The header of HDU 0 has no END card within 10000 cards"),
        refuse("a header of 20000 cards ending in END", hugeHeader(20_000, true),
            "The header of HDU 0 has no END card within 10000 cards"),
        refuse("a header cut off after 1000 bytes", Arrays.copyOf(plain(10, 10), 1000),
            "The FITS file is truncated: HDU 0 declares 400 bytes of data but 0 remain"),
        refuse("NAXIS -1", image(-32, card("NAXIS", -1)), "NAXIS -1 is not a valid number of axes"),
        refuse("NAXIS 1000", image(-32, card("NAXIS", 1000)), "NAXIS 1000 is not a valid number of axes"),
        refuse("NAXIS missing", header(card("SIMPLE", true), card("BITPIX", 8)), "NAXIS is missing"),
        refuse("NAXIS2 missing", header(card("SIMPLE", true), card("BITPIX", 8), card("NAXIS", 2), card("NAXIS1", 4)),
            "NAXIS2 is missing"),
        refuse("NAXIS1 negative", image(-32, card("NAXIS1", -5)), "NAXIS1 -5 is not a valid axis length"),
        refuse("NAXIS1 2^31", image(-32, card("NAXIS1", 1L << 31)), "NAXIS1 2147483648 is not a valid axis length"),
        refuse("NAXIS1 = NAXIS2 = 2^31-1 (data size overflows a long)",
            image(-64, card("NAXIS1", Integer.MAX_VALUE), card("NAXIS2", Integer.MAX_VALUE)),
            "the size of the data overflows"),
        refuse("three axes of 2^31-1 (product overflows)", header(card("SIMPLE", true), card("BITPIX", 8),
            card("NAXIS", 3), card("NAXIS1", Integer.MAX_VALUE), card("NAXIS2", Integer.MAX_VALUE),
            card("NAXIS3", Integer.MAX_VALUE)), "the size of the data overflows"),
        refuse("an axis length of 25 digits", image(-32, "NAXIS1  = 9999999999999999999999999"),
            "NAXIS1 '99999999999999999999…' is not an integer"),
        refuse("a fractional axis length", image(-32, card("NAXIS1", 1.5)), "NAXIS1 '1.5' is not an integer"),
        refuse("BITPIX 7", image(7), "BITPIX 7 is not one of 8, 16, 32, 64, -32, -64"),
        refuse("BITPIX 0", image(0), "BITPIX 0 is not one of 8, 16, 32, 64, -32, -64"),
        refuse("BITPIX -16", image(-16), "BITPIX -16 is not one of 8, 16, 32, 64, -32, -64"),
        refuse("BITPIX 2^32 + 8", image(-32, card("BITPIX", (1L << 32) + 8)), "BITPIX 4294967304 is not one of"),
        refuse("NAXIS1 given twice (10, then 10^9)", image(-32, card("NAXIS1", 10), card("NAXIS1", 1_000_000_000)),
            "Keyword NAXIS1 appears twice in the header of HDU 0"),
        refuse("a 9000x9000 float header with one block of data", image(-32, card("NAXIS1", 9000), card("NAXIS2", 9000)),
            "The FITS file is truncated: HDU 0 declares 324000000 bytes of data but 2880 remain"),
        refuse("a 40000x40000 header with no data", header(card("SIMPLE", true), card("BITPIX", -32),
            card("NAXIS", 2), card("NAXIS1", 40_000), card("NAXIS2", 40_000)), "The FITS file is truncated"),
        refuse("pixel data cut short", Arrays.copyOf(Corpus.bytes("compressed/m13.fits"), 2880 * 10),
            "The FITS file is truncated: HDU 0 declares"),
        refuse("a table-only file", concat(emptyPrimary(), table()), "The FITS file holds no 2-D image"),
        refuse("an empty primary only", emptyPrimary(), "The FITS file holds no 2-D image"),
        refuse("a 1-D spectrum", concat(header(card("SIMPLE", true), card("BITPIX", 8), card("NAXIS", 1),
            card("NAXIS1", 16)), padded(new byte[16])), "The FITS file holds no 2-D image"),
        refuse("NAXIS1 0", image(-32, card("NAXIS1", 0)), "The FITS file holds no 2-D image"),
        refuse("a cube of 3 planes", concat(header(card("SIMPLE", true), card("BITPIX", 8), card("NAXIS", 3),
            card("NAXIS1", 4), card("NAXIS2", 4), card("NAXIS3", 3)), padded(new byte[48])),
            "The FITS file holds no 2-D image"),
        refuse("the image behind 100 empty HDUs (past the HDU limit)", imageBehindEmptyHdus(100),
            "The FITS file holds no 2-D image"),
        refuse("negative PCOUNT", image(-32, card("PCOUNT", -1)), "PCOUNT -1 / GCOUNT 1 are not valid"),
        refuse("an extension header cut short", concat(emptyPrimary(), Arrays.copyOf(table(), 400)),
            "The FITS file is truncated inside the header of HDU 1"),
        refuse("garbage after an empty primary", concat(emptyPrimary(), random(5760)),
            "The FITS file has unreadable bytes after HDU 0"),
        refuse("ZBITPIX 7", compressed(card("ZBITPIX", 7)), "ZBITPIX 7 is not one of 8, 16, 32, 64, -32, -64"),
        refuse("ZNAXIS 1000", compressed(card("ZNAXIS", 1000)), "ZNAXIS 1000 is not a valid number of axes"),
        refuse("a compressed header claiming 200000x200000 pixels",
            compressed(card("ZNAXIS1", 200_000), card("ZNAXIS2", 200_000), card("ZTILE1", 200_000)),
            "Image of 200000x200000 pixels is larger than the limit of 100000000 pixels"),
        refuse("ZNAXIS1 0", compressed(card("ZNAXIS1", 0)), "ZNAXIS1 0 is not a valid axis length"),
        refuse("ZTILE1 0", compressed(card("ZTILE1", 0)), "ZTILE1 0 is not a tile size within the image"),
        refuse("ZTILE2 larger than the image", compressed(card("ZTILE2", 1_000_000)),
            "ZTILE2 1000000 is not a tile size within the image"),
        refuse("a million 1x1 tiles", compressed(card("ZNAXIS1", 1000), card("ZNAXIS2", 1000), card("ZTILE1", 1)),
            "the image is split into more than 100000 tiles"),
        refuse("a tile table with fewer rows than tiles", compressed(card("ZNAXIS2", 64)),
            "the tile table does not match the image's 64 tiles"),
        refuse("an unknown compression algorithm", compressed(card("ZCMPTYPE", "LZMA_1")),
            "compression 'LZMA_1' is not supported"),
        refuse("a GZIP_1 tile that inflates to 64 MB where 64 bytes are declared", tileBomb(),
            "The FITS file is damaged or truncated"),
        refuse("the NGC 1316 RICE file with its last header block written twice (the table read a block late)",
            Mutants.ngc1316HeaderBlockTwice(),
            "The tile table of HDU 1 is damaged: tile 1's COMPRESSED_DATA (538976288 elements at heap offset"),
        refuse("the cpt1m012 frame with ZSCALE's TFORM2 '1D' changed to '1PJ(99999999)'", Mutants.cptZscaleAsArray(),
            "The tile table of HDU 1 is damaged: column ZSCALE (TFORM2) does not hold one number per tile"),
        refuse("the cpt1m012 frame declaring tiles of at most 10 bytes", Mutants.cptTileMaximum("1PB(10)"),
            "tile 1's COMPRESSED_DATA declares 684 elements, more than its column's maximum of 10"),
        refuse("the cpt1m012 frame with COMPRESSED_DATA as 16-byte descriptors", Mutants.cptTileMaximum("1QB(684)"),
            "column 3 (TFORM3) does not fit in the row of 24 bytes"),
        refuse("an HCOMPRESS tile declaring 65535x65535 pixels", Mutants.hcompressTileSize(65_535, 65_535),
            "tile 1's COMPRESSED_DATA declares 65535x65535 pixels, more than its tile of"),
        refuse("THEAP past the heap", compressed(card("THEAP", 99_999_999)),
            "THEAP 99999999 does not point into the heap"),
        refuse("a tile table without COMPRESSED_DATA", compressed(card("TTYPE1", "TILES")),
            "the tile table has no COMPRESSED_DATA column"),
        refuse("a tile table with a column format that is not one", compressed(card("TFORM1", "1PZ")),
            "TFORM1 '1PZ' is not a variable-length array format"),
        refuse("ZDITHER0 past the random sequence (nom-tam-fits would print a stack trace per tile)",
            compressed(card("ZDITHER0", 9_999_999)), "ZDITHER0 9999999 is not between 1 and 10000"),
        refuse("an unknown quantisation method", compressed(card("ZQUANTIZ", "DITHER_99")),
            "ZQUANTIZ 'DITHER_99' is not a quantisation method"),
        refuse("a 10000x10000 image claimed by 30 tiny tiles",
            compressed(card("ZNAXIS1", 10_000), card("ZNAXIS2", 10_000), card("ZTILE1", 10_000), card("ZTILE2", 334)),
            "more than any tile compression achieves"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  @DisplayName("A hostile or broken file is refused with a message that says what is wrong")
  void refusedWithReason(String name, byte[] file, String message) {
    assertThatThrownBy(() -> DECODER.decode(file)).isInstanceOf(UnreadableFitsException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  @DisplayName("A hostile or broken file is refused by the worker as a 422, well under a second")
  void refusedAs422Fast(String name, byte[] file, String message) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> new RenderJobRunner(LIMIT).render(file, RenderParams.defaults()))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.failure()).isEqualTo(Failure.UNREADABLE_FITS));
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1000);
  }

  static Stream<Arguments> refusedFromHeaders() {
    // A tile's payload is only inflated when the pixels are decoded, after memory is reserved.
    return refused().filter(args -> !args.get()[0].toString().contains("inflates"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedFromHeaders")
  @DisplayName("A file refused from its headers is refused before render memory is reserved for it")
  void inspectRefuses(String name, byte[] file, String message) {
    assertThatThrownBy(() -> DECODER.inspect(file)).isInstanceOf(UnreadableFitsException.class);
  }

  static Stream<Arguments> claimsHugeImage() {
    return Stream.of(
        Arguments.of("9000x9000 floats, one block of data", image(-32, card("NAXIS1", 9000), card("NAXIS2", 9000))),
        Arguments.of("40000x40000 floats, no data", header(card("SIMPLE", true), card("BITPIX", -32),
            card("NAXIS", 2), card("NAXIS1", 40_000), card("NAXIS2", 40_000))),
        Arguments.of("compressed 200000x200000", compressed(card("ZNAXIS1", 200_000), card("ZNAXIS2", 200_000),
            card("ZTILE1", 200_000))),
        Arguments.of("a tile inflating to 64 MB", tileBomb()),
        Arguments.of("NGC 1316 with a header block twice", Mutants.ngc1316HeaderBlockTwice()),
        Arguments.of("cpt1m012 with ZSCALE as a 99999999-element array", Mutants.cptZscaleAsArray()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("claimsHugeImage")
  @DisplayName("Refusing a file that claims a huge image allocates far less than the image would take")
  void refusalAllocatesLittle(String name, byte[] file) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().threadId();
    long before = threads.getThreadAllocatedBytes(thread);
    assertThatThrownBy(() -> DECODER.decode(file)).isInstanceOf(UnreadableFitsException.class);
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(allocated).as("bytes allocated while refusing").isLessThan(ALLOCATION_BOUND);
  }

  static Stream<Arguments> oddButRenderable() {
    float[] allNaN = new float[50 * 40];
    Arrays.fill(allNaN, Float.NaN);
    float[] infinities = new float[30 * 30];
    Arrays.fill(infinities, Float.POSITIVE_INFINITY);
    float[] constant = new float[64 * 48];
    Arrays.fill(constant, 7.25f);
    return Stream.of(
        // docs/rendering.md, decode: missing values are drawn black; a frame of nothing but missing values is a black picture.
        Arguments.of("all NaN", floatImage(50, 40, allNaN), 50, 40),
        Arguments.of("all +Inf (missing values too)", floatImage(30, 30, infinities), 30, 30),
        // A flat frame (bias, saturated) is still an image: the window widens to median ± 1.
        Arguments.of("a constant image", floatImage(64, 48, constant), 64, 48),
        Arguments.of("a single pixel", floatImage(1, 1, new float[] {3f}), 1, 1),
        Arguments.of("one column, 500 rows", floatImage(1, 500, ramp(500)), 1, 200),
        Arguments.of("one row, 500 columns", floatImage(500, 1, ramp(500)), 200, 1),
        Arguments.of("a GZIP_1 compressed image written here", gzipCompressed(40, 30, gzipRows(40, 30)), 40, 30),
        // Damage after a usable image does not stop it being rendered (astropy reads such files).
        Arguments.of("garbage after the image", concat(floatImage(20, 20, ramp(400)), random(2880)), 20, 20),
        Arguments.of("an extension cut short after the image",
            concat(floatImage(20, 20, ramp(400)), Arrays.copyOf(table(), 400)), 20, 20));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddButRenderable")
  @DisplayName("A legitimate but odd image renders to a JPEG")
  void oddImagesRender(String name, byte[] file, int width, int height) {
    var rendered = new RenderJobRunner(LIMIT).render(file, RenderParams.defaults());
    assertThat(rendered.width()).isEqualTo(width);
    assertThat(rendered.height()).isEqualTo(height);
    assertThat(rendered.jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
  }

  @Test
  @DisplayName("After a hostile file the same decoder still decodes a valid frame")
  void decoderStaysUsable() throws Exception {
    refused().forEach(args -> {
      try {
        DECODER.decode((byte[]) args.get()[1]);
      } catch (UnreadableFitsException expected) {
        // every one of them is refused; what matters is the next decode below
      }
    });
    assertThat(DECODER.decode(Corpus.bytes("compressed/m13_gzip.fits")).width()).isEqualTo(300);
  }

  @Test
  @DisplayName("The header card limit is configurable")
  void headerCardLimit() {
    var tight = new FitsDecoder(new FitsLimits(LIMIT, 64, 36, 1000));
    assertThatThrownBy(() -> tight.decode(Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz")))
        .isInstanceOf(UnreadableFitsException.class)
        .hasMessage("The header of HDU 1 has no END card within 36 cards");
  }

  private static Arguments refuse(String name, byte[] file, String message) {
    return Arguments.of(name, file, message);
  }

  private static float[] ramp(int n) {
    float[] v = new float[n];
    IntStream.range(0, n).forEach(i -> v[i] = i);
    return v;
  }

  private static byte[] random(int n) {
    var bytes = new byte[n];
    new Random(n).nextBytes(bytes);
    return bytes;
  }

  private static byte[] plain(int width, int height) {
    return floatImage(width, height, ramp(width * height));
  }

  /**
   * A 10x10 image header of this BITPIX and one block of data; each change replaces the card of its
   * keyword the first time and is appended after that (to repeat a keyword).
   */
  private static byte[] image(int bitpix, String... changes) {
    var cards = new ArrayList<>(List.of(card("SIMPLE", true), card("BITPIX", bitpix), card("NAXIS", 2),
        card("NAXIS1", 10), card("NAXIS2", 10)));
    var replaced = new ArrayList<String>();
    for (String change : changes) {
      var keyword = change.substring(0, 8);
      int at = IntStream.range(0, cards.size()).filter(i -> cards.get(i).startsWith(keyword)).findFirst().orElse(-1);
      if (at >= 0 && !replaced.contains(keyword)) {
        cards.set(at, change);
        replaced.add(keyword);
      } else {
        cards.add(change);
      }
    }
    return concat(header(cards), new byte[FitsWriter.BLOCK]);
  }

  private static byte[] compressed(String... changes) {
    return gzipCompressed(40, 30, gzipRows(40, 30), changes);
  }

  /** Row tiles of a 32x30 image, the first of which inflates to 64 MB instead of 64 bytes. */
  private static byte[] tileBomb() {
    var tiles = new ArrayList<>(gzipRows(32, 30));
    tiles.set(0, gzip(new byte[64 * 1024 * 1024]));
    return gzipCompressed(32, 30, tiles);
  }

  private static byte[] hugeHeader(int cards, boolean end) {
    var list = new ArrayList<>(List.of(card("SIMPLE", true), card("BITPIX", 8), card("NAXIS", 0)));
    for (int i = 0; i < cards; i++) {
      list.add("COMMENT " + i);
    }
    return end ? header(list) : cardsOnly(list);
  }

  private static byte[] table() {
    var data = ByteBuffer.allocate(16).putInt(1).putInt(2).putInt(3).putInt(4).array();
    return concat(header(card("XTENSION", "BINTABLE"), card("BITPIX", 8), card("NAXIS", 2), card("NAXIS1", 4),
        card("NAXIS2", 4), card("PCOUNT", 0), card("GCOUNT", 1), card("TFIELDS", 1), card("TFORM1", "1J")),
        padded(data));
  }

  private static byte[] imageBehindEmptyHdus(int empty) {
    var parts = new ArrayList<byte[]>();
    parts.add(emptyPrimary());
    for (int i = 0; i < empty; i++) {
      parts.add(header(card("XTENSION", "IMAGE"), card("BITPIX", 8), card("NAXIS", 0), card("PCOUNT", 0),
          card("GCOUNT", 1)));
    }
    var data = ByteBuffer.allocate(400);
    IntStream.range(0, 100).forEach(i -> data.putFloat(i));
    parts.add(header(card("XTENSION", "IMAGE"), card("BITPIX", -32), card("NAXIS", 2), card("NAXIS1", 10),
        card("NAXIS2", 10), card("PCOUNT", 0), card("GCOUNT", 1)));
    parts.add(padded(data.array()));
    return concat(parts.toArray(byte[][]::new));
  }
}
