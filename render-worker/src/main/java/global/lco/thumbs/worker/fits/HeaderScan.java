package global.lco.thumbs.worker.fits;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the raw 2880-byte header blocks of a FITS file in memory, before nom-tam-fits sees it, and
 * checks every structural keyword against {@link FitsLimits}: END within the card limit, BITPIX,
 * NAXIS and axis lengths, data sizes computed without overflow and present in the file, and for
 * tile-compressed images the decompressed size, tiles and algorithm. nom-tam-fits is then only
 * allowed to read the HDUs found sound here, so no header it parses can make it read or allocate
 * beyond the limits.
 */
final class HeaderScan {
  static final int BLOCK = 2880;
  private static final int CARD = 80;
  private static final int CARDS_PER_BLOCK = BLOCK / CARD;
  private static final int MAX_AXES = 999;
  private static final Set<Integer> BITPIX = Set.of(8, 16, 32, 64, -32, -64);
  private static final Set<String> ALGORITHMS = Set.of("RICE_1", "RICE_ONE", "GZIP_1", "GZIP_2", "HCOMPRESS_1",
      "PLIO_1", "NOCOMPRESS");
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");
  // Keywords whose value sizes or shapes the data: a second copy could make nom-tam-fits read a
  // different value from the one checked here, so a repeat is refused rather than resolved.
  private static final Pattern STRUCTURAL = Pattern.compile(
      "SIMPLE|XTENSION|BITPIX|NAXIS[0-9]*|PCOUNT|GCOUNT|ZIMAGE|ZBITPIX|ZNAXIS[0-9]*|ZTILE[0-9]+|ZCMPTYPE"
          + "|TFIELDS|TFORM[0-9]+|TTYPE[0-9]+|TDIM[0-9]+|THEAP|ZQUANTIZ|ZDITHER0|ZNAME[0-9]+|ZVAL[0-9]+");
  private static final Set<String> QUANTIZE_METHODS = Set.of("NO_DITHER", "SUBTRACTIVE_DITHER_1",
      "SUBTRACTIVE_DITHER_2", "NONE");
  /** Length of the tile compression convention's random sequence, which ZDITHER0 indexes (from 1). */
  private static final long DITHER_SEEDS = 10_000;

  /**
   * What the scan found.
   *
   * @param soundHdus  how many leading HDUs passed every check (nom-tam-fits may read only these)
   * @param images     how many of those hold image data (plain with NAXIS ≥ 2, or tile-compressed)
   * @param damage     why the scan stopped early (truncation, garbage after an HDU), or null
   */
  record Result(int soundHdus, int images, String damage) {
  }

  private final byte[] file;
  private final FitsLimits limits;

  private HeaderScan(byte[] file, FitsLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  /**
   * @throws UnreadableFitsException when a header breaks a limit or is not valid FITS; damage that
   *     only cuts the file short is reported in {@link Result#damage()} instead, so an image before
   *     it can still be rendered
   */
  static Result scan(byte[] file, FitsLimits limits) throws UnreadableFitsException {
    return new HeaderScan(file, limits).run();
  }

  private Result run() throws UnreadableFitsException {
    long position = 0;
    int images = 0;
    for (int index = 0; index < limits.maxHdus(); index++) {
      if (position >= file.length) {
        return new Result(index, images, null);
      }
      var header = readHeader(index, position);
      if (header.damage != null) {
        if (index == 0) {
          throw new UnreadableFitsException(header.damage);
        }
        return new Result(index, images, header.damage);
      }
      var hdu = new HduCheck(index, header.cards);
      long dataBytes = hdu.check();
      long dataStart = header.end;
      if (dataBytes > file.length - dataStart) {
        var damage = "The FITS file is truncated: HDU " + index + " declares " + dataBytes + " bytes of data but "
            + Math.max(0, file.length - dataStart) + " remain";
        if (index == 0) {
          throw new UnreadableFitsException(damage);
        }
        return new Result(index, images, damage);
      }
      var tableDamage = hdu.checkTable(dataStart);
      if (tableDamage != null) {
        return new Result(index, images, tableDamage);
      }
      images += hdu.holdsImage() ? 1 : 0;
      position = dataStart + padded(dataBytes);
    }
    return new Result(limits.maxHdus(), images, null);
  }

  private static long padded(long bytes) {
    return (bytes + BLOCK - 1) / BLOCK * BLOCK;
  }

  /** The header's cards up to END, where its data starts, or why it could not be read. */
  private record Header(Map<String, String> cards, long end, String damage) {
  }

  private Header readHeader(int index, long start) throws UnreadableFitsException {
    var cards = new HashMap<String, String>();
    long maxBlocks = (limits.maxHeaderCards() + CARDS_PER_BLOCK - 1) / CARDS_PER_BLOCK;
    long position = start;
    for (long block = 0; block < maxBlocks; block++) {
      for (int c = 0; c < CARDS_PER_BLOCK; c++, position += CARD) {
        if (position + CARD > file.length) {
          return new Header(cards, position, "The FITS file is truncated inside the header of HDU " + index);
        }
        var card = new String(file, (int) position, CARD, StandardCharsets.US_ASCII);
        if (block == 0 && c == 0) {
          var problem = firstCardProblem(index, card);
          if (problem != null) {
            return new Header(cards, position, problem);
          }
        }
        var keyword = card.substring(0, 8).trim();
        if (keyword.equals("END")) {
          return new Header(cards, start + (block + 1) * BLOCK, null);
        }
        if (card.startsWith("= ", 8) && STRUCTURAL.matcher(keyword).matches()
            && cards.put(keyword, value(card)) != null) {
          throw new UnreadableFitsException("Keyword " + keyword + " appears twice in the header of HDU " + index);
        }
      }
    }
    throw new UnreadableFitsException("The header of HDU " + index + " has no END card within "
        + limits.maxHeaderCards() + " cards");
  }

  private static String firstCardProblem(int index, String card) throws UnreadableFitsException {
    if (index == 0) {
      // The caller has checked the SIMPLE keyword itself; the value must say the file conforms.
      if (!card.startsWith("= ", 8) || !"T".equals(value(card))) {
        throw new UnreadableFitsException("Not a standard FITS file (SIMPLE is not T)");
      }
      return null;
    }
    return card.startsWith("XTENSION= ") ? null
        : "The FITS file has unreadable bytes after HDU " + (index - 1);
  }

  /** The value field of a card: a string's text without quotes, else the text before any comment. */
  private static String value(String card) {
    var text = card.substring(10).trim();
    if (text.startsWith("'")) {
      int close = text.indexOf('\'', 1);
      return (close < 0 ? text.substring(1) : text.substring(1, close)).trim();
    }
    int slash = text.indexOf('/');
    return (slash < 0 ? text : text.substring(0, slash)).trim();
  }

  /** The structural checks of one HDU's header. */
  private final class HduCheck {
    private final int index;
    private final Map<String, String> cards;
    private boolean image;
    private long[] axes;
    private long pcount;
    private CompressedTableCheck.Image compressed;

    HduCheck(int index, Map<String, String> cards) {
      this.index = index;
      this.cards = cards;
    }

    boolean holdsImage() {
      return image;
    }

    /** @return the size of the data unit in bytes, unpadded */
    long check() throws UnreadableFitsException {
      int bitpix = bitpix("BITPIX");
      axes = axes("NAXIS");
      pcount = integer("PCOUNT", 0);
      long gcount = integer("GCOUNT", 1);
      if (pcount < 0 || gcount < 0) {
        throw refuse("PCOUNT " + pcount + " / GCOUNT " + gcount + " are not valid");
      }
      long bytes;
      try {
        long elements = axes.length == 0 ? 0 : 1;
        for (long axis : axes) {
          elements = Math.multiplyExact(elements, axis);
        }
        bytes = Math.multiplyExact(Math.abs(bitpix) / 8L, Math.multiplyExact(gcount, Math.addExact(pcount, elements)));
      } catch (ArithmeticException overflow) {
        throw refuse("the size of the data overflows");
      }
      String xtension = cards.get("XTENSION");
      if ("BINTABLE".equals(xtension) && (gcount != 1 || bitpix != 8 || axes.length != 2)) {
        throw refuse("a binary table must have BITPIX 8, NAXIS 2 and GCOUNT 1");
      }
      if ("BINTABLE".equals(xtension) && "T".equals(cards.get("ZIMAGE"))) {
        checkCompressed(axes);
        image = true;
      } else if (xtension == null || "IMAGE".equals(xtension)) {
        image = axes.length >= 2;
      }
      return bytes;
    }

    private void checkCompressed(long[] table) throws UnreadableFitsException {
      bitpix("ZBITPIX");
      long[] axes = axes("ZNAXIS");
      var algorithm = cards.getOrDefault("ZCMPTYPE", "");
      if (!ALGORITHMS.contains(algorithm)) {
        throw refuse("compression '" + printable(algorithm) + "' is not supported");
      }
      long pixels = 1;
      long tiles = 1;
      var tileSizes = new long[axes.length];
      for (int n = 1; n <= axes.length; n++) {
        long length = axes[n - 1];
        if (length < 1) {
          throw refuse("ZNAXIS" + n + " " + length + " is not a valid axis length");
        }
        long tile = integer("ZTILE" + n, n == 1 ? length : 1);
        if (tile < 1 || tile > length) {
          throw refuse("ZTILE" + n + " " + tile + " is not a tile size within the image");
        }
        tileSizes[n - 1] = tile;
        pixels = saturatingMultiply(pixels, length);
        tiles = saturatingMultiply(tiles, (length + tile - 1) / tile);
      }
      if (pixels > limits.maxPixels()) {
        throw new UnreadableFitsException("Image of " + describe(axes) + " pixels is larger than the limit of "
            + limits.maxPixels() + " pixels");
      }
      if (tiles > limits.maxTiles()) {
        throw refuse("the image is split into more than " + limits.maxTiles() + " tiles");
      }
      if (table.length != 2 || table[1] != tiles) {
        throw refuse("the tile table does not match the image's " + tiles + " tiles");
      }
      checkCompressionParameters(algorithm);
      compressed = new CompressedTableCheck.Image(axes, tileSizes, bitpix("ZBITPIX"), algorithm);
    }

    /**
     * The column layout of a binary table, and for a tile-compressed image every descriptor of its
     * table, checked against the data present from {@code dataStart}. A damaged compressed image
     * refuses the file; any other damaged table only ends the HDUs nom-tam-fits may read.
     *
     * @return why a table that holds no image cannot be read, or null
     */
    String checkTable(long dataStart) throws UnreadableFitsException {
      if (!"BINTABLE".equals(cards.get("XTENSION"))) {
        return null;
      }
      try {
        long mainBytes = axes[0] * axes[1];
        long heapStart = integer("THEAP", mainBytes);
        if (heapStart < mainBytes || heapStart > mainBytes + pcount) {
          throw new TableLayout.Invalid("THEAP " + heapStart + " does not point into the heap");
        }
        var layout = TableLayout.parse(cards::get, axes[0]);
        if (compressed != null) {
          var table = new CompressedTableCheck.Table(file, dataStart, layout, axes[1], heapStart,
              mainBytes + pcount - heapStart);
          CompressedTableCheck.check(table, compressed);
        }
        return null;
      } catch (TableLayout.Invalid invalid) {
        if (compressed != null) {
          throw new UnreadableFitsException("The tile table of HDU " + index + " is damaged: " + invalid.getMessage());
        }
        return "The binary table of HDU " + index + " is damaged: " + invalid.getMessage();
      }
    }

    /**
     * The quantisation and algorithm parameters nom-tam-fits builds its decompressors from. A value
     * out of range makes its constructors fail once per tile, each failure printed with a stack
     * trace to standard error (nom-tam-fits' CompressorProvider), so they are refused here first.
     */
    private void checkCompressionParameters(String algorithm) throws UnreadableFitsException {
      var quantize = cards.get("ZQUANTIZ");
      if (quantize != null && !QUANTIZE_METHODS.contains(quantize)) {
        throw refuse("ZQUANTIZ '" + printable(quantize) + "' is not a quantisation method");
      }
      long seed = integer("ZDITHER0", 1);
      if (seed < 1 || seed > DITHER_SEEDS) {
        throw refuse("ZDITHER0 " + seed + " is not between 1 and " + DITHER_SEEDS);
      }
      for (int i = 1; cards.containsKey("ZNAME" + i); i++) {
        var name = cards.get("ZNAME" + i).toUpperCase(java.util.Locale.ROOT);
        boolean rice = algorithm.startsWith("RICE");
        if (rice && name.equals("BYTEPIX") && !Set.of(1L, 2L, 4L, 8L).contains(integer("ZVAL" + i, 4))) {
          throw refuse("BYTEPIX (ZVAL" + i + ") is not 1, 2, 4 or 8");
        }
        if (rice && name.equals("BLOCKSIZE") && !Set.of(16L, 32L).contains(integer("ZVAL" + i, 32))) {
          throw refuse("BLOCKSIZE (ZVAL" + i + ") is not 16 or 32");
        }
      }
    }

    private int bitpix(String keyword) throws UnreadableFitsException {
      long bitpix = integer(keyword, Long.MIN_VALUE);
      if (bitpix == Long.MIN_VALUE) {
        throw refuse(keyword + " is missing");
      }
      if (!BITPIX.contains((int) bitpix) || bitpix != (int) bitpix) {
        throw refuse(keyword + " " + bitpix + " is not one of 8, 16, 32, 64, -32, -64");
      }
      return (int) bitpix;
    }

    private long[] axes(String prefix) throws UnreadableFitsException {
      long count = integer(prefix, Long.MIN_VALUE);
      if (count == Long.MIN_VALUE) {
        throw refuse(prefix + " is missing");
      }
      if (count < 0 || count > MAX_AXES) {
        throw refuse(prefix + " " + count + " is not a valid number of axes");
      }
      var axes = new long[(int) count];
      for (int n = 1; n <= count; n++) {
        long length = integer(prefix + n, Long.MIN_VALUE);
        if (length == Long.MIN_VALUE) {
          throw refuse(prefix + n + " is missing");
        }
        if (length < 0 || length > Integer.MAX_VALUE) {
          throw refuse(prefix + n + " " + length + " is not a valid axis length");
        }
        axes[n - 1] = length;
      }
      return axes;
    }

    private long integer(String keyword, long absent) throws UnreadableFitsException {
      var text = cards.get(keyword);
      if (text == null) {
        return absent;
      }
      if (!INTEGER.matcher(text).matches()) {
        throw refuse(keyword + " '" + printable(text) + "' is not an integer");
      }
      try {
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      } catch (NumberFormatException tooLarge) {
        throw refuse(keyword + " is too large");
      }
    }

    private UnreadableFitsException refuse(String why) {
      return new UnreadableFitsException("Invalid FITS header in HDU " + index + ": " + why);
    }
  }

  private static long saturatingMultiply(long a, long b) {
    long product = a * b;
    return Math.multiplyHigh(a, b) != 0 || product < 0 ? Long.MAX_VALUE : product;
  }

  private static String describe(long[] axes) {
    var text = new StringBuilder();
    for (long axis : axes) {
      text.append(text.isEmpty() ? "" : "x").append(axis);
    }
    return text.toString();
  }

  /** Header text is attacker-chosen: only short printable ASCII goes into a message. */
  private static String printable(String text) {
    var clean = text.replaceAll("[^\\x20-\\x7E]", "?");
    return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
  }
}
