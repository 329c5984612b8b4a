package global.lco.thumbs.worker.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.Compression;
import nom.tam.fits.compression.algorithm.quant.QuantizeOption;
import nom.tam.fits.compression.algorithm.rice.RiceCompressOption;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.FitsOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RICE fast path must give exactly what nom-tam-fits gives for the same HDU, bit for bit, on
 * every RICE image of the corpus and on generated files covering the layouts it claims (dither 1
 * and 2, nulls, zeros, rectangular tiles with partial edges, 8/16/32-bit integers with BSCALE,
 * BZERO and BLANK), and must decline the layouts it leaves to nom-tam-fits.
 */
class RiceTilesTest {

  @ParameterizedTest(name = "{0} HDU {1}")
  @CsvSource({
      "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz, 1",   // BANZAI e91: float, SUBTRACTIVE_DITHER_1
      "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz, 3",   // its BPM: ZBITPIX 8
      "lco/cpt1m012-fl10-20151216-0073-e00.fits.fz, 1",   // 3-D with NAXIS3 = 1
      "lco-like/sdss-86S-gp-lco-like.fits.fz, 1",         // fpack -q 64
      "lco-like/sdss-86S-ip-lco-like.fits.fz, 1",         // and a tile fpack could not quantise, gzipped instead
      "compressed/m13_rice.fits, 1",                      // integer 16-bit, no BYTEPIX (cfitsio's default 4)
      "compressed/ngc1316-rice-int16.fits, 1",
      "edge/lsc1m005-kb78-20151109-0179-e90-1row.fits.fz, 1",
      "edge/sqa0m801-kb35-20151216-0966-g00-1row.fits.fz, 1",
  })
  void corpusImagesMatchNomTam(String file, int hduIndex) throws Exception {
    byte[] bytes = Corpus.bytes(file);
    CompressedImageHDU hdu = compressedHdu(bytes, hduIndex);
    int[] axes = hdu.getImageAxes();
    int width = axes[axes.length - 1];
    int height = axes[axes.length - 2];
    float[] fast = RiceTiles.decode(bytes, hdu, width, height);
    assertNotNull(fast, "the fast path should take this layout");
    assertBitIdentical(nomTam(bytes, hduIndex), fast);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"lco/tfn0m414-kb29-20160625-0060-e91.fits.fz", "lco-like/sdss-86S-ip-lco-like.fits.fz",
      "compressed/m13_rice.fits"})
  void aReusedArrayIsOverwrittenEverywhere(String file) throws Exception {
    byte[] bytes = Corpus.bytes(file);
    CompressedImageHDU hdu = compressedHdu(bytes, 1);
    int[] axes = hdu.getImageAxes();
    int width = axes[axes.length - 1];
    int height = axes[axes.length - 2];
    float[] clean = RiceTiles.decode(bytes, hdu, width, height);
    var dirty = new global.lco.thumbs.worker.pixels.FrameArrays() {
      @Override
      public float[] floats(int length) {
        float[] stale = new float[length];
        Arrays.fill(stale, -12345.5f);
        return stale;
      }

      @Override
      public void recycle(float[] frame) {
      }
    };
    float[] reused = RiceTiles.decode(RiceTiles.plan(bytes, hdu, width, height), dirty);
    assertBitIdentical(clean, reused);
  }

  @Test
  void quantisedWithoutDitherIsLeftToNomTam() throws Exception {
    byte[] bytes = Corpus.bytes("compressed/m13real_rice.fits");
    CompressedImageHDU hdu = compressedHdu(bytes, 1);
    assertNull(RiceTiles.decode(bytes, hdu, 300, 300));
  }

  @Test
  void otherAlgorithmsAreLeftToNomTam() throws Exception {
    for (String file : List.of("compressed/m13_gzip.fits", "compressed/m13_hcomp.fits", "compressed/m13_plio.fits")) {
      byte[] bytes = Corpus.bytes(file);
      assertNull(RiceTiles.decode(bytes, compressedHdu(bytes, 1), 300, 300), file);
    }
  }

  @ParameterizedTest(name = "{0}, tiles {1}×{2}")
  @CsvSource({
      "SUBTRACTIVE_DITHER_1, 250, 1",
      "SUBTRACTIVE_DITHER_1, 64, 48",
      "SUBTRACTIVE_DITHER_2, 250, 1",
      "SUBTRACTIVE_DITHER_2, 100, 70",
  })
  void generatedQuantisedFloatsMatchNomTam(String dither, int tileWidth, int tileHeight) throws Exception {
    var random = new Random(7);
    float[][] rows = new float[180][250];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < rows[y].length; x++) {
        rows[y][x] = (float) (1000 + 50 * random.nextGaussian() + (x == y ? 30000 : 0));
      }
    }
    rows[5][7] = Float.NaN;
    rows[90][200] = Float.NaN;
    Arrays.fill(rows[33], 40, 80, 0f); // exact zeros: dither 2 keeps them exact
    byte[] bytes = compress(ImageData.from(rows).toHDU(), tileWidth, tileHeight, dither);
    assertFastPathMatches(bytes, 250, 180);
    float[] fast = RiceTiles.decode(bytes, compressedHdu(bytes, 1), 250, 180);
    assertTrue(Float.isNaN(fast[5 * 250 + 7]));
    if (dither.endsWith("2")) {
      assertEquals(0f, fast[33 * 250 + 50]);
    }
  }

  @ParameterizedTest(name = "BITPIX {0}")
  @CsvSource({"8", "16", "32"})
  void generatedIntegersMatchNomTam(int bitpix) throws Exception {
    var random = new Random(bitpix);
    int width = 123;
    int height = 77;
    Object rows = switch (bitpix) {
      case 8 -> {
        byte[][] b = new byte[height][width];
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            b[y][x] = (byte) (x + y + random.nextInt(8));
          }
        }
        yield b;
      }
      case 16 -> {
        short[][] s = new short[height][width];
        for (int y = 0; y < height; y++) {
          short[] row = s[y];
          for (int x = 0; x < width; x++) {
            row[x] = (short) (x * y - 3000 + random.nextInt(64)); // compressible: nom-tam's writer overflows on noise
          }
        }
        yield s;
      }
      default -> {
        int[][] n = new int[height][width];
        for (int y = 0; y < height; y++) {
          int[] row = n[y];
          for (int x = 0; x < width; x++) {
            row[x] = x * 100_000 - 7_000_000 + random.nextInt(1000);
          }
        }
        yield n;
      }
    };
    ImageHDU image = ImageData.from(rows).toHDU();
    image.getHeader().addValue("BSCALE", 0.5, "");
    image.getHeader().addValue("BZERO", 100.0, "");
    image.getHeader().addValue("BLANK", bitpix == 8 ? 200 : 17, "");
    if (bitpix == 16) {
      ((short[][]) rows)[3][4] = 17;
    }
    byte[] bytes = compress(image, 40, 30, null);
    assertFastPathMatches(bytes, width, height);
  }

  @ParameterizedTest(name = "BLOCKSIZE {0}")
  @CsvSource({"16", "32"}) // the only block sizes nom-tam-fits writes
  @DisplayName("Rare huge differences in quiet data make unary codes longer than the 64-bit buffer")
  void longUnaryCodesMatchNomTam(int blockSize) throws Exception {
    var random = new Random(blockSize);
    int[][] rows = new int[40][300];
    for (int[] row : rows) {
      for (int x = 0; x < row.length; x++) {
        row[x] = 1000 + random.nextInt(3) + (random.nextInt(97) == 0 ? 5_000_000 : 0);
      }
    }
    ImageHDU image = ImageData.from(rows).toHDU();
    byte[] bytes = compress(image, 300, 1, null, blockSize);
    assertEquals(blockSize, RiceTilesTest.parameter(bytes, "BLOCKSIZE"));
    assertFastPathMatches(bytes, 300, 40);
  }

  @Test
  @DisplayName("A tile whose ZSCALE overflows floats gives NaN (missing), as nom-tam's values do after the decoder")
  void absurdScaleOverflowsToNaN() throws Exception {
    byte[] bytes = Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz").clone();
    CompressedImageHDU hdu = compressedHdu(bytes, 1);
    var table = TileTable.of(bytes, hdu.getData().getFileOffset(), hdu.getHeader());
    // Tile 3's ZSCALE cell, found by its value in the table's rows, becomes 1e36.
    byte[] scale = ByteBuffer.allocate(8).putDouble(table.doubleAt("ZSCALE", 3)).array();
    int cell = indexOf(bytes, scale, (int) hdu.getData().getFileOffset() + 3 * 24);
    ByteBuffer.wrap(bytes).putDouble(cell, 1e36);
    assertEquals(1e36, table.doubleAt("ZSCALE", 3));
    assertFastPathMatches(bytes, 1523, 1020);
    float[] fast = RiceTiles.decode(bytes, compressedHdu(bytes, 1), 1523, 1020);
    int overflowed = 0;
    for (int x = 0; x < 1523; x++) {
      overflowed += Float.isNaN(fast[3 * 1523 + x]) ? 1 : 0;
      assertTrue(Float.isFinite(fast[4 * 1523 + x]));
    }
    assertTrue(overflowed > 0, "some values of tile 3 overflow");
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  void decoderRefusesATruncatedTile() throws Exception {
    byte[] bytes = Corpus.bytes("compressed/m13_rice.fits");
    CompressedImageHDU hdu = compressedHdu(bytes, 1);
    var table = TileTable.of(bytes, hdu.getData().getFileOffset(), hdu.getHeader());
    long[] slice = table.heapSlice("COMPRESSED_DATA", 0);
    int[] out = new int[300];
    RiceDecoder.decode(bytes, (int) slice[0], (int) (slice[0] + slice[1]), out, 300, 4, 32);
    assertThrows(IllegalArgumentException.class,
        () -> RiceDecoder.decode(bytes, (int) slice[0], (int) (slice[0] + slice[1] / 2), out, 300, 2, 32));
  }

  @Test
  void damagedTilesFallBackToNomTamsVerdict() throws Exception {
    byte[] bytes = Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz").clone();
    CompressedImageHDU hdu = compressedHdu(bytes, 1);
    var table = TileTable.of(bytes, hdu.getData().getFileOffset(), hdu.getHeader());
    var random = new Random(3);
    for (int tile = 0; tile < table.rows(); tile += 7) {
      long[] slice = table.heapSlice("COMPRESSED_DATA", tile);
      for (int k = 0; k < 3; k++) {
        bytes[(int) (slice[0] + random.nextInt((int) slice[1]))] ^= (byte) (1 + random.nextInt(255));
      }
    }
    var decoder = new FitsDecoder(FitsLimits.of(Long.MAX_VALUE));
    // Either answer is fine (garbage pixels or a refusal); anything but UnreadableFitsException escaping is not.
    try {
      assertEquals(1523 * 1020, decoder.decode(bytes).pixels().length);
    } catch (UnreadableFitsException refused) {
      assertNotNull(refused.getMessage());
    }
  }

  private static void assertFastPathMatches(byte[] bytes, int width, int height) throws Exception {
    float[] fast = RiceTiles.decode(bytes, compressedHdu(bytes, 1), width, height);
    assertNotNull(fast, "the fast path should take this layout");
    assertBitIdentical(nomTam(bytes, 1), fast);
    assertBitIdentical(fast, new FitsDecoder(FitsLimits.of(Long.MAX_VALUE)).decode(bytes).pixels());
  }

  private static void assertBitIdentical(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    int[] e = new int[expected.length];
    int[] a = new int[actual.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = Float.floatToIntBits(expected[i]);
      a[i] = Float.floatToIntBits(actual[i]);
    }
    assertArrayEquals(e, a);
  }

  /** A ZNAMEi/ZVALi parameter as written in the file. */
  private static int parameter(byte[] bytes, String name) throws Exception {
    Header header = compressedHdu(bytes, 1).getHeader();
    for (int i = 1; header.containsKey("ZNAME" + i); i++) {
      if (header.getStringValue("ZNAME" + i).trim().equals(name)) {
        return header.getIntValue("ZVAL" + i);
      }
    }
    return -1;
  }

  /** nom-tam-fits' own decode of the HDU, with the same physical-value rules as the decoder. */
  private static float[] nomTam(byte[] bytes, int hduIndex) throws Exception {
    CompressedImageHDU hdu = compressedHdu(bytes, hduIndex);
    Header header = hdu.getImageHeader();
    int[] axes = hdu.getImageAxes();
    int width = axes[axes.length - 1];
    int height = axes[axes.length - 2];
    Buffer data = hdu.getUncompressedData();
    boolean integer = header.getIntValue("BITPIX") > 0;
    return PhysicalValues.fromBuffer(data, width, height, integer ? header.getDoubleValue("BSCALE", 1) : 1,
        integer ? header.getDoubleValue("BZERO", 0) : 0,
        integer && header.containsKey("BLANK") ? header.getLongValue("BLANK") : null);
  }

  private static CompressedImageHDU compressedHdu(byte[] bytes, int index) throws Exception {
    var fits = new Fits(new InMemoryFileIO(bytes));
    List<BasicHDU<?>> hdus = new ArrayList<>();
    for (BasicHDU<?> hdu = fits.readHDU(); hdu != null && hdus.size() <= index; hdu = fits.readHDU()) {
      hdus.add(hdu);
    }
    return (CompressedImageHDU) hdus.get(index);
  }

  /** An empty primary and the image RICE-compressed in tiles; {@code dither} null for integers. */
  private static byte[] compress(ImageHDU image, int tileWidth, int tileHeight, String dither) throws Exception {
    return compress(image, tileWidth, tileHeight, dither, 32);
  }

  private static byte[] compress(ImageHDU image, int tileWidth, int tileHeight, String dither, int blockSize)
      throws Exception {
    try (Fits fits = new Fits(); var out = new ByteArrayOutputStream()) {
      fits.addHDU(new NullDataHDU());
      CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, tileWidth, tileHeight);
      compressed.setCompressAlgorithm(Compression.ZCMPTYPE_RICE_1);
      if (blockSize != 32) {
        // Only for integers: asking for the RICE option of a float HDU makes nom-tam-fits drop its quantisation.
        compressed.getCompressOption(RiceCompressOption.class).setBlockSize(blockSize);
      }
      if (dither != null) {
        // With checkNull nom-tam-fits also writes the ZBLANK keyword, which its reader needs to restore NaNs.
        compressed.setQuantAlgorithm(dither).getCompressOption(QuantizeOption.class).setQlevel(16).setCheckNull(true);
      }
      compressed.compress();
      fits.addHDU(compressed);
      try (var stream = new FitsOutputStream(out)) {
        fits.write(stream);
      }
      return out.toByteArray();
    }
  }
}
