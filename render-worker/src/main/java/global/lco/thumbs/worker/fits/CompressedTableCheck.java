package global.lco.thumbs.worker.fits;

import java.util.Set;

/**
 * The binary table of a tile-compressed image checked against the bytes actually in the file,
 * before nom-tam-fits reads any of it: every heap descriptor of every row lies inside the heap and
 * within its column's declared maximum, the per-tile columns have the forms the convention gives
 * them, uncompressed and HCOMPRESS tiles are no larger than their tile, and the image does not
 * expand the compressed data beyond what any of the algorithms can achieve. nom-tam-fits allocates
 * an array for each descriptor it reads (count × element size), so without these checks a damaged
 * table (a header block written twice, a column's form changed) makes it allocate gigabytes.
 */
final class CompressedTableCheck {
  /**
   * Decompressed image bytes per byte of compressed data beyond which a file is refused. Real data
   * stays far below it (RICE at most ~200:1 even on constant tiles, GZIP's deflate at most 1032:1;
   * only constant images in PLIO or HCOMPRESS come near a few thousand), while a small file can no
   * longer claim the largest image the limits allow.
   */
  static final long MAX_EXPANSION = 10_000;
  /** Images up to this size are never refused by the expansion cap, whatever their file's size. */
  static final long EXPANSION_FLOOR_BYTES = 16L << 20;
  private static final Set<String> NUMBER_COLUMNS = Set.of("ZSCALE", "ZZERO", "ZBLANK");
  private static final Set<String> DATA_COLUMNS = Set.of("COMPRESSED_DATA", "UNCOMPRESSED_DATA",
      "GZIP_COMPRESSED_DATA");
  private static final int HCOMPRESS_HEADER = 2 + 4 + 4 + 4 + 8 + 3;

  /** The table's place in the file and its declared layout. */
  record Table(byte[] file, long dataStart, TableLayout layout, long rows, long heapStart, long heapSize) {
  }

  /** The image the table holds: ZNAXISn, ZTILEn, ZBITPIX and ZCMPTYPE. */
  record Image(long[] axes, long[] tiles, int zbitpix, String algorithm) {
  }

  private final Table table;
  private final Image image;

  private CompressedTableCheck(Table table, Image image) {
    this.table = table;
    this.image = image;
  }

  static void check(Table table, Image image) throws TableLayout.Invalid {
    new CompressedTableCheck(table, image).run();
  }

  private void run() throws TableLayout.Invalid {
    checkColumnForms();
    checkExpansion();
    for (var column : table.layout().columns()) {
      if (column.descriptor()) {
        for (long row = 0; row < table.rows(); row++) {
          checkDescriptor(column, row);
        }
      }
    }
  }

  /** ZSCALE, ZZERO and ZBLANK hold one number per tile; the tile data columns are heap byte or number arrays. */
  private void checkColumnForms() throws TableLayout.Invalid {
    boolean data = false;
    for (var column : table.layout().columns()) {
      if (NUMBER_COLUMNS.contains(column.name()) && (column.descriptor() || column.repeat() != 1
          || "LXAP".indexOf(column.type()) >= 0)) {
        throw new TableLayout.Invalid("column " + column.name() + " (TFORM" + column.index()
            + ") does not hold one number per tile");
      }
      if (DATA_COLUMNS.contains(column.name())) {
        if (!column.descriptor()) {
          throw new TableLayout.Invalid("column " + column.name() + " (TFORM" + column.index()
              + ") is not a variable-length array");
        }
        data = true;
      }
    }
    if (!data) {
      throw new TableLayout.Invalid("the tile table has no COMPRESSED_DATA column");
    }
  }

  private void checkExpansion() throws TableLayout.Invalid {
    long pixels = 1;
    for (long axis : image.axes()) {
      pixels = Math.multiplyHigh(pixels, axis) != 0 ? Long.MAX_VALUE : pixels * axis;
    }
    long imageBytes = pixels > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : pixels * (Math.abs(image.zbitpix()) / 8);
    long compressedBytes = table.layout().rowBytes() * table.rows() + table.heapSize();
    if (imageBytes > EXPANSION_FLOOR_BYTES && imageBytes / MAX_EXPANSION > compressedBytes) {
      throw new TableLayout.Invalid("the image would expand " + compressedBytes + " bytes of compressed data to "
          + imageBytes + " bytes, more than any tile compression achieves");
    }
  }

  private void checkDescriptor(TableLayout.Column column, long row) throws TableLayout.Invalid {
    long cell = table.dataStart() + row * table.layout().rowBytes() + column.offset();
    long count;
    long offset;
    if (column.type() == 'P') {
      count = readInt(cell) & 0xFFFF_FFFFL;
      offset = readInt(cell + 4) & 0xFFFF_FFFFL;
    } else {
      count = readLong(cell);
      offset = readLong(cell + 8);
    }
    String where = "tile " + (row + 1) + "'s " + (column.name().isEmpty() ? "column " + column.index() : column.name());
    if (count < 0 || offset < 0 || column.maxLength() >= 0 && count > column.maxLength()) {
      throw new TableLayout.Invalid(where + " declares " + count + " elements, more than its column's maximum of "
          + column.maxLength());
    }
    long bytes = count > table.heapSize() ? Long.MAX_VALUE : column.heapBytes(count);
    if (bytes > table.heapSize() || offset > table.heapSize() - bytes) {
      throw new TableLayout.Invalid(where + " (" + count + " elements at heap offset " + offset
          + ") lies outside the heap of " + table.heapSize() + " bytes");
    }
    if (count == 0) {
      return;
    }
    long tilePixels = tilePixels();
    if (column.name().equals("UNCOMPRESSED_DATA") && count > tilePixels) {
      throw new TableLayout.Invalid(where + " holds " + count + " values, more than the tile's " + tilePixels
          + " pixels");
    }
    if (column.name().equals("COMPRESSED_DATA") && image.algorithm().equals("HCOMPRESS_1")) {
      checkHcompressTile(where, table.dataStart() + table.heapStart() + offset, bytes, tilePixels);
    }
  }

  /**
   * nom-tam-fits sizes HCOMPRESS scratch arrays from the nx and ny the tile's stream declares,
   * not from the tile, so they must describe at most the tile's pixels.
   */
  private void checkHcompressTile(String where, long start, long bytes, long tilePixels) throws TableLayout.Invalid {
    if (bytes < HCOMPRESS_HEADER || (table.file()[(int) start] & 0xFF) != 0xDD
        || (table.file()[(int) start + 1] & 0xFF) != 0x99) {
      throw new TableLayout.Invalid(where + " is not an HCOMPRESS stream");
    }
    long nx = readInt(start + 2);
    long ny = readInt(start + 6);
    if (nx < 1 || ny < 1 || nx * ny > tilePixels) {
      throw new TableLayout.Invalid(where + " declares " + nx + "x" + ny + " pixels, more than its tile of "
          + tilePixels);
    }
  }

  /** Pixels of a full tile (edge tiles have fewer). */
  private long tilePixels() {
    long pixels = 1;
    for (long tile : image.tiles()) {
      pixels *= tile;
    }
    return pixels;
  }

  private int readInt(long at) {
    byte[] file = table.file();
    int i = (int) at;
    return (file[i] & 0xFF) << 24 | (file[i + 1] & 0xFF) << 16 | (file[i + 2] & 0xFF) << 8 | file[i + 3] & 0xFF;
  }

  private long readLong(long at) {
    return (long) readInt(at) << 32 | readInt(at + 4) & 0xFFFF_FFFFL;
  }
}
