package global.lco.thumbs.worker.fits;

import java.util.HashMap;
import java.util.Map;
import nom.tam.fits.Header;

/**
 * The binary table of a tile-compressed image read straight from the file's bytes: one row per
 * tile, the tile's compressed bytes found through its heap descriptor, its ZSCALE, ZZERO and ZBLANK
 * read from their columns. Reading the few fields we need in place spares nom-tam-fits' copy of the
 * whole heap and its per-row array copies.
 */
final class TileTable {
  /** A column's place in the row and its type letter ({@code P}/{@code Q} for heap descriptors). */
  private record Column(int offset, char type, int repeat) {
  }

  private final byte[] file;
  private final long dataStart;
  private final long heapStart;
  private final int rowBytes;
  private final int rows;
  private final Map<String, Column> columns;

  private TileTable(byte[] file, long dataStart, long heapStart, int rowBytes, int rows, Map<String, Column> columns) {
    this.file = file;
    this.dataStart = dataStart;
    this.heapStart = heapStart;
    this.rowBytes = rowBytes;
    this.rows = rows;
    this.columns = columns;
  }

  /**
   * The table whose header is {@code header} and whose data starts at {@code dataStart} in
   * {@code file}, or null when its layout is one we leave to nom-tam-fits (an unknown column form).
   *
   * @throws UnreadableFitsException when the table does not fit in the file
   */
  static TileTable of(byte[] file, long dataStart, Header header) throws UnreadableFitsException {
    long rowBytes = header.getLongValue("NAXIS1", -1);
    long rows = header.getLongValue("NAXIS2", -1);
    if (rowBytes < 0 || rows < 0 || rowBytes > Integer.MAX_VALUE || rows > Integer.MAX_VALUE) {
      return null;
    }
    long heapStart = header.getLongValue("THEAP", rowBytes * rows);
    if (dataStart < 0 || dataStart + rowBytes * rows > file.length || heapStart < rowBytes * rows) {
      throw new UnreadableFitsException("The FITS file is damaged or truncated");
    }
    TableLayout layout;
    try {
      layout = TableLayout.parse(key -> header.containsKey(key) ? header.findCard(key).getValue() : null, rowBytes);
    } catch (TableLayout.Invalid unusual) {
      return null;
    }
    var columns = new HashMap<String, Column>();
    for (var column : layout.columns()) {
      columns.putIfAbsent(column.name(), new Column(column.offset(), column.type(), (int) column.repeat()));
    }
    return new TileTable(file, dataStart, heapStart, (int) rowBytes, (int) rows, columns);
  }

  int rows() {
    return rows;
  }

  boolean has(String column) {
    return columns.containsKey(column);
  }

  /** True when the column holds one value of {@code type} per row (e.g. {@code D} for ZSCALE). */
  boolean isScalar(String column, char type) {
    Column c = columns.get(column);
    return c != null && c.type == type && c.repeat == 1;
  }

  /** True when the column is a byte array in the heap (the form of COMPRESSED_DATA). */
  boolean isHeapBytes(String column) {
    Column c = columns.get(column);
    return c != null && (c.type == 'P' || c.type == 'Q') && c.repeat == 1;
  }

  /** Bytes of a row's heap array: {@code [0]} the offset in the file, {@code [1]} the length. */
  long[] heapSlice(String column, int row) throws UnreadableFitsException {
    Column c = columns.get(column);
    int at = cell(c, row);
    long length;
    long offset;
    if (c.type == 'P') {
      length = readInt(at) & 0xFFFF_FFFFL;
      offset = readInt(at + 4) & 0xFFFF_FFFFL;
    } else {
      length = readLong(at);
      offset = readLong(at + 8);
    }
    long start = dataStart + heapStart + offset;
    if (length < 0 || offset < 0 || start < 0 || start > file.length - length) {
      throw new UnreadableFitsException("The FITS file is damaged or truncated");
    }
    return new long[] {start, length};
  }

  double doubleAt(String column, int row) {
    return Double.longBitsToDouble(readLong(cell(columns.get(column), row)));
  }

  int intAt(String column, int row) {
    return readInt(cell(columns.get(column), row));
  }

  private int cell(Column c, int row) {
    return (int) (dataStart + (long) row * rowBytes + c.offset);
  }

  private int readInt(int at) {
    return (file[at] & 0xFF) << 24 | (file[at + 1] & 0xFF) << 16 | (file[at + 2] & 0xFF) << 8 | file[at + 3] & 0xFF;
  }

  private long readLong(int at) {
    return (long) readInt(at) << 32 | readInt(at + 4) & 0xFFFF_FFFFL;
  }
}
