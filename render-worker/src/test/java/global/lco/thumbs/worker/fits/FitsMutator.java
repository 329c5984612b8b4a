package global.lco.thumbs.worker.fits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of a FITS file, the kinds of damage seen in the wild and in hostile
 * uploads: header values pushed to extremes (numbers, column formats, booleans), bytes flipped,
 * 2880-byte blocks repeated or dropped, integers in the data overwritten (heap descriptors), the file
 * cut short. One to three mutations per mutant, all drawn from the given {@link Random}.
 */
final class FitsMutator {
  private static final int BLOCK = 2880;
  private static final int CARD = 80;
  private static final String[] EXTREME_VALUES = {"0", "-1", "1", "2", "3", "7", "-32", "64", "2147483647",
      "2147483648", "-2147483648", "4294967295", "9223372036854775807", "99999999", "1E300", "-1E300", "NAN",
      "1.5", "T", "F", "''", "'X'", "'1PJ(99999999)'", "'1PB'", "'1QB(2147483647)'", "'2147483647B'", "'1D'",
      "'1J'", "'RICE_1'", "'GZIP_1'", "'HCOMPRESS_1'", "'PLIO_1'", "'(99999,99999)'", "'BINTABLE'", "'IMAGE'"};
  private static final int[] EXTREME_INTS = {0, -1, 1, 0x7FFF_FFFF, 0x8000_0000, 0x2020_2020, 65_535, 1 << 20};

  record Mutant(byte[] bytes, String description) {
  }

  private FitsMutator() {
  }

  static Mutant mutate(byte[] seed, Random random) {
    byte[] bytes = seed;
    var what = new ArrayList<String>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count && bytes.length > 0; i++) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        bytes = headerValue(bytes, random, what);
      } else if (kind < 5) {
        bytes = flipBytes(bytes, random, what);
      } else if (kind < 6) {
        bytes = repeatBlock(bytes, random, what);
      } else if (kind < 7) {
        bytes = dropBlock(bytes, random, what);
      } else if (kind < 9) {
        bytes = dataInteger(bytes, random, what);
      } else {
        bytes = truncate(bytes, random, what);
      }
    }
    return new Mutant(bytes, String.join(", ", what));
  }

  /** A random keyword card's value replaced by an extreme one. */
  private static byte[] headerValue(byte[] file, Random random, List<String> what) {
    var cards = valueCards(file);
    if (cards.isEmpty()) {
      return flipBytes(file, random, what);
    }
    int at = cards.get(random.nextInt(cards.size()));
    String keyword = new String(file, at, 8, StandardCharsets.US_ASCII).trim();
    String value = EXTREME_VALUES[random.nextInt(EXTREME_VALUES.length)];
    byte[] out = file.clone();
    var card = String.format("%-80s", String.format("%-8s= %20s", keyword, value)).substring(0, CARD);
    System.arraycopy(card.getBytes(StandardCharsets.US_ASCII), 0, out, at, CARD);
    what.add(keyword + "=" + value + " at " + at);
    return out;
  }

  /** Offsets of cards with a value indicator, in every header (data blocks seldom look like cards). */
  private static List<Integer> valueCards(byte[] file) {
    var cards = new ArrayList<Integer>();
    for (int at = 0; at + CARD <= file.length; at += CARD) {
      if (file[at + 8] == '=' && file[at + 9] == ' ' && isKeyword(file, at)) {
        cards.add(at);
      }
    }
    return cards;
  }

  private static boolean isKeyword(byte[] file, int at) {
    for (int i = 0; i < 8; i++) {
      byte b = file[at + i];
      if (!(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-' || b == ' ')) {
        return false;
      }
    }
    return file[at] != ' ';
  }

  private static byte[] flipBytes(byte[] file, Random random, List<String> what) {
    byte[] out = file.clone();
    int flips = 1 + random.nextInt(8);
    // Half the time near the start, where the headers and tile tables are.
    int span = random.nextBoolean() ? Math.min(out.length, 4 * BLOCK) : out.length;
    for (int i = 0; i < flips; i++) {
      out[random.nextInt(span)] ^= (byte) (1 << random.nextInt(8));
    }
    what.add(flips + " bits flipped in the first " + span + " bytes");
    return out;
  }

  private static byte[] repeatBlock(byte[] file, Random random, List<String> what) {
    int blocks = file.length / BLOCK;
    if (blocks == 0) {
      return truncate(file, random, what);
    }
    int block = random.nextInt(blocks);
    int at = (block + 1) * BLOCK;
    what.add("block " + block + " written twice");
    return FitsWriter.concat(Arrays.copyOfRange(file, 0, at), Arrays.copyOfRange(file, block * BLOCK, file.length));
  }

  private static byte[] dropBlock(byte[] file, Random random, List<String> what) {
    int blocks = file.length / BLOCK;
    if (blocks < 2) {
      return truncate(file, random, what);
    }
    int block = random.nextInt(blocks);
    what.add("block " + block + " dropped");
    return FitsWriter.concat(Arrays.copyOfRange(file, 0, block * BLOCK),
        Arrays.copyOfRange(file, (block + 1) * BLOCK, file.length));
  }

  /** A 32-bit word after the first header overwritten: descriptors, tile sizes, stream headers. */
  private static byte[] dataInteger(byte[] file, Random random, List<String> what) {
    if (file.length < BLOCK + 8) {
      return flipBytes(file, random, what);
    }
    byte[] out = file.clone();
    int span = random.nextBoolean() ? Math.min(out.length - 4, 8 * BLOCK) : out.length - 4;
    int at = BLOCK + random.nextInt(span - BLOCK + 1) / 4 * 4;
    int value = EXTREME_INTS[random.nextInt(EXTREME_INTS.length)];
    out[at] = (byte) (value >>> 24);
    out[at + 1] = (byte) (value >>> 16);
    out[at + 2] = (byte) (value >>> 8);
    out[at + 3] = (byte) value;
    what.add("int at " + at + " = " + Integer.toUnsignedString(value));
    return out;
  }

  private static byte[] truncate(byte[] file, Random random, List<String> what) {
    int length = random.nextInt(Math.max(1, file.length));
    what.add("cut to " + length + " bytes");
    return Arrays.copyOf(file, length);
  }
}
