package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.render.RowBands;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import nom.tam.fits.Header;
import nom.tam.fits.compression.algorithm.quant.RandomSequence;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * The fast path for the tile compression LCO frames use: RICE_1 tiles, either float data quantised
 * with subtractive dithering (fpack's default for BANZAI {@code e91} files) or integers (raw
 * frames). Each tile goes from the file's bytes to physical floats in the output frame in one
 * sweep, tiles spread over the render pool, with one small scratch array per band. nom-tam-fits
 * still parses the headers; it decodes every other layout, and this one whenever anything about it
 * looks unusual ({@link #decode} returns null, or fails and the caller falls back).
 *
 * <p>Dequantisation follows the FITS tiled-image convention (and cfitsio): value =
 * (I − R + 0.5)·ZSCALE + ZZERO, where R walks the standard 10,000-entry random sequence from a seed
 * of ZDITHER0 plus the tile's index; ZBLANK marks nulls and, for SUBTRACTIVE_DITHER_2, −2³¹+2 an
 * exact zero.
 */
final class RiceTiles {
  private static final String DATA = "COMPRESSED_DATA";
  private static final String GZIPPED = "GZIP_COMPRESSED_DATA";
  private static final int ZERO_VALUE = Integer.MIN_VALUE + 2;
  private static final int RANDOM_MULTIPLIER = 500;
  private static final double[] RANDOM = randomSequence();

  /** Per tile: its decoded integers to physical floats, written into the frame. */
  @FunctionalInterface
  interface TileWriter {
    void write(int tile, int[] values, float[] out, int offset, int tileWidth, int tileHeight, int stride);
  }

  private RiceTiles() {
  }

  /** How to decode one image: its geometry, tile table and per-tile conversion, all checked before any pixel is. */
  record Plan(byte[] file, TileTable table, int width, int height, int tileWidth, int tileHeight, int zbitpix,
              int bytePix, int blockSize, TileWriter writer) {

    int tilesAcross() {
      return ceilDiv(width, tileWidth);
    }

    int tilesDown() {
      return ceilDiv(height, tileHeight);
    }

    /** Heap the decode holds besides the output frame: one tile of integers per band running at once. */
    long scratchBytes() {
      return (long) RowBands.count(tilesDown(), (long) width * tileHeight) * tileWidth * tileHeight * Integer.BYTES;
    }
  }

  /**
   * The plan for a RICE_1 image, or null when the layout is not one this path handles.
   *
   * @param file the bytes nom-tam-fits reads the same HDU from
   * @throws UnreadableFitsException when the tile table does not fit in the file
   */
  static Plan plan(byte[] file, CompressedImageHDU hdu, int width, int height) throws UnreadableFitsException {
    Header header = hdu.getHeader();
    String algorithm = header.getStringValue("ZCMPTYPE", "").trim().toUpperCase(Locale.ROOT);
    int zbitpix = header.getIntValue("ZBITPIX", 0);
    // cfitsio's defaults, which files from before BYTEPIX was written rely on (m13_rice.fits: 16-bit data coded as 32).
    int blockSize = parameter(header, "BLOCKSIZE", 32);
    int bytePix = parameter(header, "BYTEPIX", 4);
    if (!(algorithm.equals("RICE_1") || algorithm.equals("RICE_ONE")) || !onlyTwoAxesMatter(header)) {
      return null;
    }
    int tileWidth = header.getIntValue("ZTILE1", width);
    int tileHeight = header.getIntValue("ZTILE2", 1);
    if (tileWidth < 1 || tileHeight < 1 || (long) tileWidth * tileHeight > Integer.MAX_VALUE / Integer.BYTES) {
      return null;
    }
    TileTable table = TileTable.of(file, hdu.getData().getFileOffset(), header);
    if (table == null || !table.isHeapBytes(DATA)
        || table.rows() != (long) ceilDiv(width, tileWidth) * ceilDiv(height, tileHeight)) {
      return null;
    }
    TileWriter writer = zbitpix < 0
        ? dequantiser(header, table, bytePix)
        : integers(header, table, bytePix);
    return writer == null ? null
        : new Plan(file, table, width, height, tileWidth, tileHeight, zbitpix, bytePix, blockSize, writer);
  }

  /**
   * The physical pixels of a RICE_1 image, row-major from FITS row 0, or null when the layout is
   * not one this path handles.
   *
   * @param file the bytes nom-tam-fits reads the same HDU from
   * @throws RuntimeException when a tile cannot be decoded; the caller lets nom-tam-fits judge the file
   */
  static float[] decode(byte[] file, CompressedImageHDU hdu, int width, int height) throws UnreadableFitsException {
    Plan plan = plan(file, hdu, width, height);
    return plan == null ? null : decode(plan);
  }

  /** Every tile of the plan, bands of tile rows spread over the render pool. */
  static float[] decode(Plan plan) {
    int width = plan.width();
    int height = plan.height();
    int tileWidth = plan.tileWidth();
    int tileHeight = plan.tileHeight();
    int tilesAcross = plan.tilesAcross();
    float[] out = new float[Math.multiplyExact(width, height)];
    RowBands.run(plan.tilesDown(), (long) width * tileHeight, (band, from, to) -> {
      int[] values = new int[tileWidth * tileHeight];
      for (int down = from; down < to; down++) {
        for (int across = 0; across < tilesAcross; across++) {
          int tile = down * tilesAcross + across;
          int x0 = across * tileWidth;
          int y0 = down * tileHeight;
          int w = Math.min(tileWidth, width - x0);
          int h = Math.min(tileHeight, height - y0);
          int offset = y0 * width + x0;
          long[] slice = slice(plan.table(), DATA, tile);
          if (slice[1] == 0) {
            unquantisedTile(plan.file(), plan.table(), plan.zbitpix(), tile, out, offset, w, h, width);
            continue;
          }
          RiceDecoder.decode(plan.file(), (int) slice[0], (int) (slice[0] + slice[1]), values, w * h, plan.bytePix(),
              plan.blockSize());
          plan.writer().write(tile, values, out, offset, w, h, width);
        }
      }
    });
    return out;
  }

  /**
   * Quantised floats (ZBITPIX −32 or −64) with subtractive dithering; null for no dithering, whose
   * decoders disagree on the half-step offset, or when a needed keyword is missing.
   */
  private static TileWriter dequantiser(Header header, TileTable table, int bytePix) {
    String method = header.getStringValue("ZQUANTIZ", "").trim().toUpperCase(Locale.ROOT);
    boolean dither2 = method.equals("SUBTRACTIVE_DITHER_2");
    if (!(dither2 || method.equals("SUBTRACTIVE_DITHER_1")) || bytePix != 4 || !header.containsKey("ZDITHER0")) {
      return null;
    }
    long seed = header.getLongValue("ZDITHER0");
    Double fixedScale = table.isScalar("ZSCALE", 'D') ? null : keyword(header, "ZSCALE");
    Double fixedZero = table.isScalar("ZZERO", 'D') ? null : keyword(header, "ZZERO");
    boolean blankColumn = table.isScalar("ZBLANK", 'J');
    if ((fixedScale == null && !table.isScalar("ZSCALE", 'D')) || (fixedZero == null && !table.isScalar("ZZERO", 'D'))
        || (table.has("ZBLANK") && !blankColumn)) {
      return null;
    }
    boolean checkNull = blankColumn || header.containsKey("ZBLANK");
    int fixedBlank = header.getIntValue("ZBLANK", 0);
    return (tile, values, out, offset, w, h, stride) -> {
      double scale = fixedScale != null ? fixedScale : table.doubleAt("ZSCALE", tile);
      double zero = fixedZero != null ? fixedZero : table.doubleAt("ZZERO", tile);
      int blank = blankColumn ? table.intAt("ZBLANK", tile) : fixedBlank;
      // |I| ≤ 2^31, so unless ZSCALE or ZZERO is absurd no value can overflow a float: skip the check.
      boolean mayOverflow = !(Math.abs(scale) * 0x1p32 + Math.abs(zero) < Float.MAX_VALUE);
      boolean fixUps = checkNull || dither2 || mayOverflow;
      int start = (int) ((seed + tile - 1) % RANDOM.length);
      int next = (int) (RANDOM[start] * RANDOM_MULTIPLIER);
      int k = 0;
      for (int y = 0; y < h; y++) {
        int row = offset + y * stride;
        for (int x = 0; x < w; ) {
          // A run up to the row's end or the random sequence's wrap: no branch in the loop.
          int run = Math.min(w - x, RANDOM.length - next);
          for (int j = 0; j < run; j++) {
            out[row + x + j] = (float) ((values[k + j] - RANDOM[next + j] + 0.5) * scale + zero);
          }
          if (fixUps) {
            for (int j = 0; j < run; j++) {
              int v = values[k + j];
              if (checkNull && v == blank) {
                out[row + x + j] = Float.NaN;
              } else if (dither2 && v == ZERO_VALUE) {
                out[row + x + j] = 0f;
              } else if (Float.isInfinite(out[row + x + j])) {
                out[row + x + j] = Float.NaN;
              }
            }
          }
          x += run;
          k += run;
          next += run;
          if (next == RANDOM.length) {
            start = start + 1 == RANDOM.length ? 0 : start + 1;
            next = (int) (RANDOM[start] * RANDOM_MULTIPLIER);
          }
        }
      }
    };
  }

  /** Integers (ZBITPIX 8, 16, 32) with the image's BSCALE, BZERO and BLANK; null for a null convention we leave alone. */
  private static TileWriter integers(Header header, TileTable table, int bytePix) {
    int bitpix = header.getIntValue("ZBITPIX", 0);
    if (!(bitpix == 8 || bitpix == 16 || bitpix == 32) || bytePix < bitpix / 8 || table.has("ZBLANK")
        || header.containsKey("ZBLANK") || table.has("ZSCALE") || table.has("ZZERO")) {
      return null;
    }
    double scale = header.getDoubleValue("BSCALE", 1.0);
    double zero = header.getDoubleValue("BZERO", 0.0);
    boolean identity = scale == 1.0 && zero == 0.0;
    boolean hasBlank = header.containsKey("BLANK");
    long blank = hasBlank ? header.getLongValue("BLANK") : 0;
    long missing = bitpix == 8 ? blank & 0xFF : blank;
    return (tile, values, out, offset, w, h, stride) -> {
      int k = 0;
      for (int y = 0; y < h; y++) {
        int row = offset + y * stride;
        for (int x = 0; x < w; x++, k++) {
          // Only the low 8·bytePix bits are the stored value; BITPIX 8 is unsigned, 16 and 32 signed.
          int v = switch (bitpix) {
            case 8 -> values[k] & 0xFF;
            case 16 -> (short) values[k];
            default -> values[k];
          };
          float f = hasBlank && v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          out[row + x] = Float.isInfinite(f) ? Float.NaN : f;
        }
      }
    };
  }

  /**
   * A float tile the writer could not quantise (too few distinct values, say) and stored instead as
   * the gzip of its big-endian values in GZIP_COMPRESSED_DATA, as fpack does. Anything else in an
   * empty COMPRESSED_DATA cell is left to nom-tam-fits.
   */
  private static void unquantisedTile(byte[] file, TileTable table, int zbitpix, int tile, float[] out, int offset,
                                      int w, int h, int stride) {
    if (zbitpix > 0 || !table.isHeapBytes(GZIPPED)) {
      throw new IllegalArgumentException("tile " + tile + " is not RICE-compressed");
    }
    long[] slice = slice(table, GZIPPED, tile);
    int bytesPerValue = zbitpix == -64 ? 8 : 4;
    byte[] raw;
    try (var in = new GZIPInputStream(new ByteArrayInputStream(file, (int) slice[0], (int) slice[1]))) {
      raw = in.readNBytes(w * h * bytesPerValue);
    } catch (IOException broken) {
      throw new IllegalArgumentException("tile " + tile + ": " + broken.getMessage());
    }
    if (raw.length != w * h * bytesPerValue) {
      throw new IllegalArgumentException("tile " + tile + " holds fewer values than pixels");
    }
    var values = ByteBuffer.wrap(raw);
    for (int y = 0; y < h; y++) {
      int row = offset + y * stride;
      for (int x = 0; x < w; x++) {
        float f = bytesPerValue == 8 ? (float) values.getDouble() : values.getFloat();
        out[row + x] = Float.isInfinite(f) ? Float.NaN : f;
      }
    }
  }

  private static long[] slice(TileTable table, String column, int tile) {
    try {
      long[] slice = table.heapSlice(column, tile);
      if (slice[0] + slice[1] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("tile " + tile + " lies beyond 2 GiB");
      }
      return slice;
    } catch (UnreadableFitsException outside) {
      throw new IllegalArgumentException(outside.getMessage());
    }
  }

  /** True for ZNAXIS 2, or more axes all of length 1 tiled one plane at a time. */
  private static boolean onlyTwoAxesMatter(Header header) {
    int axes = header.getIntValue("ZNAXIS", 0);
    for (int axis = 3; axis <= axes; axis++) {
      if (header.getLongValue("ZNAXIS" + axis, 0) != 1 || header.getLongValue("ZTILE" + axis, 1) != 1) {
        return false;
      }
    }
    return axes >= 2;
  }

  /** A ZNAMEi/ZVALi compression parameter, or {@code otherwise} when it is not given. */
  private static int parameter(Header header, String name, int otherwise) {
    for (int i = 1; header.containsKey("ZNAME" + i); i++) {
      if (header.getStringValue("ZNAME" + i, "").trim().equalsIgnoreCase(name)) {
        return header.getIntValue("ZVAL" + i, otherwise);
      }
    }
    return otherwise;
  }

  private static Double keyword(Header header, String name) {
    return header.containsKey(name) ? header.getDoubleValue(name) : null;
  }

  private static int ceilDiv(int a, int b) {
    return (int) (((long) a + b - 1) / b);
  }

  private static double[] randomSequence() {
    double[] values = new double[RandomSequence.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = RandomSequence.get(i);
    }
    return values;
  }
}
