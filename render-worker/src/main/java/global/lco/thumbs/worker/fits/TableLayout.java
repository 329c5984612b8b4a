package global.lco.thumbs.worker.fits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The columns of a binary table as its header declares them (TFIELDS, TFORMn, TTYPEn, TDIMn):
 * where each lies in the row, its type, and for variable-length columns ({@code P}/{@code Q}
 * descriptors) the element type and declared maximum length. Parsing checks that the widths add up
 * to the row width and that no repeat count or dimension is larger than the bytes that hold it, so
 * nothing read from a table later can be sized by a number the row cannot contain.
 */
final class TableLayout {
  private static final int MAX_FIELDS = 999;
  private static final Pattern FORM = Pattern.compile("([0-9]{0,10})([LXBIJKAEDCMPQ])(.*)");
  private static final Pattern DESCRIPTOR = Pattern.compile("([LXBIJKAEDCM])(?:\\(([0-9]{1,18})\\))?\\s*");
  private static final Pattern DIMS = Pattern.compile("\\(\\s*[0-9]{1,10}(\\s*,\\s*[0-9]{1,10})*\\s*\\)\\s*");

  /**
   * One column.
   *
   * @param offset      byte offset of the column's cell in a row
   * @param type        the TFORM type letter; {@code P} or {@code Q} for heap descriptors
   * @param repeat      the TFORM repeat count (bits for {@code X})
   * @param elementType for descriptors the type of the heap array's elements, else {@code type}
   * @param maxLength   for descriptors the declared maximum element count, or -1 when not declared
   */
  record Column(int index, String name, int offset, char type, long repeat, char elementType, long maxLength) {
    boolean descriptor() {
      return type == 'P' || type == 'Q';
    }

    /** Bytes in the heap of an array of {@code count} elements of this descriptor column. */
    long heapBytes(long count) {
      return elementType == 'X' ? (count + 7) / 8 : Math.multiplyExact(count, width(elementType));
    }
  }

  /** Why a table's header cannot be read as a table; the caller says which HDU. */
  static final class Invalid extends Exception {
    Invalid(String why) {
      super(why, null, false, false);
    }
  }

  private final long rowBytes;
  private final List<Column> columns;

  private TableLayout(long rowBytes, List<Column> columns) {
    this.rowBytes = rowBytes;
    this.columns = columns;
  }

  /**
   * @param card     a header keyword's value (strings without their quotes), or null when absent
   * @param rowBytes NAXIS1
   */
  static TableLayout parse(Function<String, String> card, long rowBytes) throws Invalid {
    long fields = integer(card, "TFIELDS");
    if (fields < 0 || fields > MAX_FIELDS) {
      throw new Invalid("TFIELDS " + fields + " is not a valid number of columns");
    }
    var columns = new ArrayList<Column>();
    long offset = 0;
    for (int n = 1; n <= fields; n++) {
      var column = column(card, n, offset);
      long width;
      try {
        width = column.type == 'X' ? (column.repeat + 7) / 8 : Math.multiplyExact(column.repeat, width(column.type));
      } catch (ArithmeticException overflow) {
        width = Long.MAX_VALUE;
      }
      if (width > rowBytes - offset) {
        throw new Invalid("column " + n + " (TFORM" + n + ") does not fit in the row of " + rowBytes + " bytes");
      }
      checkDims(card, column);
      columns.add(column);
      offset += width;
    }
    if (offset != rowBytes) {
      throw new Invalid("the columns fill " + offset + " bytes of each row but NAXIS1 is " + rowBytes);
    }
    return new TableLayout(rowBytes, List.copyOf(columns));
  }

  long rowBytes() {
    return rowBytes;
  }

  List<Column> columns() {
    return columns;
  }

  /** The first column called {@code name} (TTYPE, case-insensitive), or null. */
  Column column(String name) {
    for (var column : columns) {
      if (column.name.equals(name)) {
        return column;
      }
    }
    return null;
  }

  private static Column column(Function<String, String> card, int n, long offset) throws Invalid {
    var text = card.apply("TFORM" + n);
    if (text == null) {
      throw new Invalid("TFORM" + n + " is missing");
    }
    var form = FORM.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!form.matches()) {
      throw new Invalid("TFORM" + n + " '" + printable(text) + "' is not a column format");
    }
    long repeat = form.group(1).isEmpty() ? 1 : Long.parseLong(form.group(1));
    char type = form.group(2).charAt(0);
    char elementType = type;
    long maxLength = -1;
    if (type == 'P' || type == 'Q') {
      var descriptor = DESCRIPTOR.matcher(form.group(3));
      if (!descriptor.matches() || repeat > 1) {
        throw new Invalid("TFORM" + n + " '" + printable(text) + "' is not a variable-length array format");
      }
      elementType = descriptor.group(1).charAt(0);
      maxLength = descriptor.group(2) == null ? -1 : Long.parseLong(descriptor.group(2));
    }
    var name = card.apply("TTYPE" + n);
    return new Column(n, name == null ? "" : name.trim().toUpperCase(Locale.ROOT), (int) offset, type, repeat,
        elementType, maxLength);
  }

  /** A fixed-size column's TDIMn may not describe more elements than the column holds. */
  private static void checkDims(Function<String, String> card, Column column) throws Invalid {
    var text = card.apply("TDIM" + column.index);
    if (text == null) {
      return;
    }
    if (!DIMS.matcher(text).matches()) {
      throw new Invalid("TDIM" + column.index + " '" + printable(text) + "' is not a list of dimensions");
    }
    long product = 1;
    for (var dim : text.replaceAll("[()\\s]", "").split(",")) {
      product = Math.min(Long.MAX_VALUE / 2, product * Math.max(1, Long.parseLong(dim)));
    }
    long holds = column.descriptor() ? column.maxLength : column.repeat;
    if (holds >= 0 && product > holds) {
      throw new Invalid("TDIM" + column.index + " describes " + product + " elements but the column holds " + holds);
    }
  }

  private static long integer(Function<String, String> card, String keyword) throws Invalid {
    var text = card.apply(keyword);
    if (text == null) {
      throw new Invalid(keyword + " is missing");
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException notInteger) {
      throw new Invalid(keyword + " '" + printable(text) + "' is not an integer");
    }
  }

  /** Bytes per element of a binary table column type. */
  static int width(char type) {
    return switch (type) {
      case 'L', 'B', 'A', 'X' -> 1;
      case 'I' -> 2;
      case 'J', 'E' -> 4;
      case 'K', 'D', 'C', 'P' -> 8;
      case 'M', 'Q' -> 16;
      default -> throw new IllegalArgumentException("unknown column type " + type);
    };
  }

  /** Header text is attacker-chosen: only short printable ASCII goes into a message. */
  static String printable(String text) {
    var clean = text.replaceAll("[^\\x20-\\x7E]", "?");
    return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
  }
}
