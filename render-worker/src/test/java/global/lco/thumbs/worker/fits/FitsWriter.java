package global.lco.thumbs.worker.fits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes small FITS files byte by byte, so tests can build exactly the broken or hostile headers
 * a library writer would refuse to produce. Also used by the app module's tests (through this
 * module's test jar).
 */
public final class FitsWriter {
  static final int BLOCK = 2880;

  private FitsWriter() {
  }

  /** One 80-character card: {@code card("NAXIS", 2)} or a raw text card. */
  static String card(String keyword, Object value) {
    var text = value instanceof String s ? "'" + s + "'" : value instanceof Boolean b ? (b ? "T" : "F") : value.toString();
    return String.format("%-8s= %20s", keyword, text);
  }

  /** Cards then END, padded with spaces to whole blocks. */
  public static byte[] header(String... cards) {
    return header(List.of(cards));
  }

  static byte[] header(List<String> cards) {
    var text = new StringBuilder();
    for (String c : cards) {
      text.append(String.format("%-80.80s", c));
    }
    text.append(String.format("%-80s", "END"));
    while (text.length() % BLOCK != 0) {
      text.append(' ');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Cards without END and without padding. */
  static byte[] cardsOnly(List<String> cards) {
    var text = new StringBuilder();
    cards.forEach(c -> text.append(String.format("%-80.80s", c)));
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Data zero-padded to whole blocks. */
  static byte[] padded(byte[] data) {
    return Arrays.copyOf(data, (data.length + BLOCK - 1) / BLOCK * BLOCK);
  }

  static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** A primary HDU holding a float32 image of the given values, row-major. */
  static byte[] floatImage(int width, int height, float[] values) {
    var data = ByteBuffer.allocate(values.length * 4);
    for (float v : values) {
      data.putFloat(v);
    }
    return concat(header(card("SIMPLE", true), card("BITPIX", -32), card("NAXIS", 2), card("NAXIS1", width),
        card("NAXIS2", height)), padded(data.array()));
  }

  /** An empty primary HDU, as in front of every extension. */
  static byte[] emptyPrimary() {
    return header(card("SIMPLE", true), card("BITPIX", 8), card("NAXIS", 0), card("EXTEND", true));
  }

  /**
   * A GZIP_1 tile-compressed 16-bit image in a BINTABLE, one tile per row, with the given
   * per-tile payloads (already gzipped) and extra or replacing header cards.
   */
  static byte[] gzipCompressed(int width, int height, List<byte[]> tiles, String... extraCards) {
    var table = ByteBuffer.allocate(tiles.size() * 8);
    var heap = new ByteArrayOutputStream();
    int longest = 0;
    for (byte[] tile : tiles) {
      table.putInt(tile.length).putInt(heap.size());
      heap.writeBytes(tile);
      longest = Math.max(longest, tile.length);
    }
    var cards = new ArrayList<>(List.of(card("XTENSION", "BINTABLE"), card("BITPIX", 8), card("NAXIS", 2),
        card("NAXIS1", 8), card("NAXIS2", tiles.size()), card("PCOUNT", heap.size()), card("GCOUNT", 1),
        card("TFIELDS", 1), card("TTYPE1", "COMPRESSED_DATA"), card("TFORM1", "1PB(" + longest + ")"),
        card("ZIMAGE", true), card("ZBITPIX", 16), card("ZNAXIS", 2), card("ZNAXIS1", width),
        card("ZNAXIS2", height), card("ZTILE1", width), card("ZTILE2", 1), card("ZCMPTYPE", "GZIP_1"),
        card("EXTNAME", "SCI")));
    for (String extra : extraCards) {
      var keyword = extra.substring(0, 8);
      cards.removeIf(c -> c.startsWith(keyword));
      cards.add(extra);
    }
    return concat(emptyPrimary(), header(cards), padded(concat(table.array(), heap.toByteArray())));
  }

  /** Row tiles of a 16-bit image whose pixel (x, y) is {@code x + y}. */
  static List<byte[]> gzipRows(int width, int height) {
    var tiles = new ArrayList<byte[]>();
    for (int y = 0; y < height; y++) {
      var row = ByteBuffer.allocate(width * 2);
      for (int x = 0; x < width; x++) {
        row.putShort((short) (x + y));
      }
      tiles.add(gzip(row.array()));
    }
    return tiles;
  }

  static byte[] gzip(byte[] raw) {
    var out = new ByteArrayOutputStream();
    try (var zip = new GZIPOutputStream(out)) {
      zip.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
