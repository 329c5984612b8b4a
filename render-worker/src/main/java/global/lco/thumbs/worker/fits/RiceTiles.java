package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.pixels.FrameArrays;
import global.lco.thumbs.worker.pixels.RowBands;
import java.util.Locale;
import nom.tam.fits.Header;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * The fast path for the tile compression LCO frames use: RICE_1 tiles, either float data quantised
 * with subtractive dithering (fpack's default for BANZAI {@code e91} files) or integers (raw
 * frames). Each tile goes from the file's bytes to physical floats in the output frame in one
 * sweep, tiles spread over the render pool, with one small scratch array per band. nom-tam-fits
 * still parses the headers; it decodes every other layout, and this one whenever anything about it
 * looks unusual ({@link #decode} returns null, or fails and the caller falls back). The values
 * themselves are made by {@link TilePixels}.
 */
final class RiceTiles {
  private static final String DATA = "COMPRESSED_DATA";
  private static final String GZIPPED = "GZIP_COMPRESSED_DATA";

  private RiceTiles() {
  }

  /** How to decode one image: its geometry, tile table and per-tile conversion, all checked before any pixel is. */
  record Plan(byte[] file, TileTable table, int width, int height, int tileWidth, int tileHeight, int zbitpix,
              int bytePix, int blockSize, TilePixels.Writer writer) {

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
    TilePixels.Writer writer = zbitpix < 0
        ? TilePixels.dequantiser(header, table, bytePix)
        : TilePixels.integers(header, table, bytePix);
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
    return plan == null ? null : decode(plan, FrameArrays.ALLOCATE);
  }

  /**
   * Every tile of the plan, bands of tile rows spread over the render pool, into an array from
   * {@code arrays}; every pixel is written, so its old contents do not matter.
   */
  static float[] decode(Plan plan, FrameArrays arrays) {
    int width = plan.width();
    int height = plan.height();
    int tileWidth = plan.tileWidth();
    int tileHeight = plan.tileHeight();
    int tilesAcross = plan.tilesAcross();
    float[] out = arrays.floats(Math.multiplyExact(width, height));
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
            // An empty cell: fpack stored this float tile gzipped, unquantised; anything else goes to nom-tam-fits.
            if (plan.zbitpix() > 0 || !plan.table().isHeapBytes(GZIPPED)) {
              throw new IllegalArgumentException("tile " + tile + " is not RICE-compressed");
            }
            TilePixels.unquantised(plan.file(), plan.zbitpix(), slice(plan.table(), GZIPPED, tile), tile, out, offset,
                w, h, width);
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

  /** A tile's bytes in one of the heap columns, {@code [offset, length]}; outside the file is an exception. */
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

  private static int ceilDiv(int a, int b) {
    return (int) (((long) a + b - 1) / b);
  }
}
