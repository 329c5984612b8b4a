package global.lco.thumbs.archive.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads FITS header cards without a FITS library: the primary header merged with the header of the
 * first image extension (a tile-compressed image's table header shown as the image it holds), as
 * the archive's {@code /frames/{id}/headers/} shows them. Non-FITS files give an empty header.
 * Broken files give whatever could be read: this feeds defaults and an optional endpoint, never
 * the downloads.
 */
public final class FitsHeader {
  private static final int BLOCK = 2880;
  private static final int CARD = 80;
  private static final int MAX_HDUS = 8;
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([EeDd][+-]?\\d+)?");
  // Table and compression bookkeeping that says nothing about the image itself.
  private static final Pattern TABLE_KEYS = Pattern.compile(
      "TTYPE\\d+|TFORM\\d+|TUNIT\\d+|TDIM\\d+|TFIELDS|THEAP|PCOUNT|GCOUNT|ZIMAGE|ZTILE\\d+|ZCMPTYPE|ZNAME\\d+"
          + "|ZVAL\\d+|ZQUANTIZ|ZDITHER0|ZSIMPLE|ZTENSION|ZEXTEND|ZBLOCKED|ZPCOUNT|ZGCOUNT|ZHECKSUM|ZDATASUM");

  private FitsHeader() {
  }

  /** Header keywords in file order with JSON-friendly values (String, Long, Double, Boolean or null). */
  public static Map<String, Object> read(Path file) {
    try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return readMerged(channel);
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
  }

  private static Map<String, Object> readMerged(FileChannel channel) throws IOException {
    var merged = new LinkedHashMap<String, Object>();
    long position = 0;
    for (int hdu = 0; hdu < MAX_HDUS && position < channel.size(); hdu++) {
      var cards = new ArrayList<String>();
      long dataStart = readCards(channel, position, cards);
      var header = parse(cards);
      if (hdu == 0 && !"SIMPLE".equals(firstKey(cards))) {
        return Map.of();
      }
      boolean compressed = Boolean.TRUE.equals(header.get("ZIMAGE"));
      boolean image = hdu == 0 ? naxis(header) >= 2 : compressed || "IMAGE".equals(header.get("XTENSION"));
      if (hdu == 0 || image) {
        header.forEach((key, value) -> merged.put(key, value));
      }
      if (image) {
        return compressed ? asImage(merged) : Collections.unmodifiableMap(merged);
      }
      position = dataStart + padded(dataSize(header));
    }
    return Collections.unmodifiableMap(merged);
  }

  private static String firstKey(List<String> cards) {
    return cards.isEmpty() ? "" : cards.get(0).substring(0, 8).trim();
  }

  /** Reads cards up to END; returns the offset where the data unit starts. */
  private static long readCards(FileChannel channel, long start, List<String> cards) throws IOException {
    var block = ByteBuffer.allocate(BLOCK);
    long position = start;
    while (true) {
      block.clear();
      int read = channel.read(block, position);
      if (read < CARD) {
        return channel.size();
      }
      position += BLOCK;
      var text = new String(block.array(), 0, read, StandardCharsets.US_ASCII);
      for (int i = 0; i + CARD <= read; i += CARD) {
        var card = text.substring(i, i + CARD);
        if (card.startsWith("END     ") || card.equals("END" + " ".repeat(77))) {
          return position;
        }
        cards.add(card);
      }
    }
  }

  private static Map<String, Object> parse(List<String> cards) {
    var header = new LinkedHashMap<String, Object>();
    for (var card : cards) {
      var key = card.substring(0, 8).trim();
      if (!key.isEmpty() && card.startsWith("= ", 8)) {
        header.put(key, value(card.substring(10)));
      }
    }
    return header;
  }

  static Object value(String field) {
    var s = field.stripLeading();
    if (s.startsWith("'")) {
      var out = new StringBuilder();
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\'') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
            out.append('\'');
            i++;
            continue;
          }
          break;
        }
        out.append(c);
      }
      return out.toString().stripTrailing();
    }
    int slash = s.indexOf('/');
    var raw = (slash >= 0 ? s.substring(0, slash) : s).trim();
    if (raw.isEmpty()) {
      return null;
    }
    if (raw.equals("T") || raw.equals("F")) {
      return raw.equals("T");
    }
    if (INTEGER.matcher(raw).matches()) {
      try {
        return Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
      } catch (NumberFormatException tooLong) {
        return Double.parseDouble(raw);
      }
    }
    if (REAL.matcher(raw).matches()) {
      return Double.parseDouble(raw.replace('D', 'E').replace('d', 'e'));
    }
    return raw;
  }

  /** A compressed image's table header rewritten as the header of the image it holds. */
  private static Map<String, Object> asImage(Map<String, Object> merged) {
    var image = new LinkedHashMap<String, Object>();
    merged.forEach((key, value) -> {
      boolean imageShape = key.equals("BITPIX") || key.startsWith("NAXIS");
      if (key.equals("XTENSION")) {
        image.put(key, "IMAGE");
      } else if (imageShape) {
        image.put(key, merged.getOrDefault("Z" + key, value));
      } else if (key.equals("ZBITPIX") || key.startsWith("ZNAXIS")) {
        image.putIfAbsent(key.substring(1), value);
      } else if (!TABLE_KEYS.matcher(key).matches()) {
        image.put(key, value);
      }
    });
    return Collections.unmodifiableMap(image);
  }

  private static long naxis(Map<String, Object> header) {
    return header.get("NAXIS") instanceof Long n ? n : 0;
  }

  private static long dataSize(Map<String, Object> header) {
    long axes = naxis(header);
    if (axes == 0) {
      return 0;
    }
    long pixels = 1;
    for (int i = 1; i <= axes; i++) {
      pixels *= header.get("NAXIS" + i) instanceof Long n ? n : 0;
    }
    long bitpix = header.get("BITPIX") instanceof Long b ? Math.abs(b) : 8;
    long pcount = header.get("PCOUNT") instanceof Long p ? p : 0;
    long gcount = header.get("GCOUNT") instanceof Long g ? g : 1;
    return bitpix / 8 * gcount * (pcount + pixels);
  }

  private static long padded(long size) {
    return (size + BLOCK - 1) / BLOCK * BLOCK;
  }
}
