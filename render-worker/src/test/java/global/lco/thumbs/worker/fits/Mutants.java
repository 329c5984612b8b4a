package global.lco.thumbs.worker.fits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Damaged FITS files that once made the reading allocate without bound, made from the bundled
 * corpus (so the fixtures stay small) or kept as files in {@code fits-mutants/} of the test
 * resources (mutants found by {@link FitsFuzzTest}). Other modules' tests serve them through the
 * archive; every one must be a 422 and cost no worker.
 */
public final class Mutants {
  private static final int BLOCK = 2880;
  private static final String RESOURCES = "/fits-mutants/";

  private Mutants() {
  }

  /** Every regression mutant by a short name (usable as a frame basename). */
  public static Map<String, byte[]> regressions() {
    var all = new LinkedHashMap<String, byte[]>();
    all.put("mutant-ngc1316-header-block-twice", ngc1316HeaderBlockTwice());
    all.put("mutant-cpt1m012-zscale-as-array", cptZscaleAsArray());
    all.put("mutant-m13-hcompress-tile-65535x65535", hcompressTileSize(65_535, 65_535));
    all.put("mutant-m13-rice-first-tile-2147483647-bytes", riceFirstTileLength(Integer.MAX_VALUE));
    all.put("mutant-sdss-ip-zdither0-huge", replaceCard(Corpus.bytes("lco-like/sdss-86S-ip-lco-like.fits.fz"),
        "ZDITHER0", "9223372036854775807"));
    for (var name : resource("INDEX").lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList()) {
      all.put(name.replaceFirst("\\.fits$", ""), resourceBytes(name));
    }
    return all;
  }

  /**
   * {@code compressed/ngc1316-rice-int16.fits} with its last header block (bytes 11520–14400)
   * written twice: the tile table is read one block late, its descriptors are header text.
   */
  static byte[] ngc1316HeaderBlockTwice() {
    byte[] seed = Corpus.bytes("compressed/ngc1316-rice-int16.fits");
    return FitsWriter.concat(Arrays.copyOfRange(seed, 0, 14_400), Arrays.copyOfRange(seed, 11_520, seed.length));
  }

  /** {@code lco/cpt1m012-fl10-20151216-0073-e00.fits.fz} with TFORM2 (ZSCALE) '1D' changed to '1PJ(99999999)'. */
  static byte[] cptZscaleAsArray() {
    return replaceCard(Corpus.bytes("lco/cpt1m012-fl10-20151216-0073-e00.fits.fz"), "TFORM2", "'1PJ(99999999)'");
  }

  /** The same frame with COMPRESSED_DATA's TFORM1 ('1PB(684)') replaced. */
  static byte[] cptTileMaximum(String form) {
    return replaceCard(Corpus.bytes("lco/cpt1m012-fl10-20151216-0073-e00.fits.fz"), "TFORM1", "'" + form + "'");
  }

  /** {@code compressed/m13_hcomp.fits} whose first HCOMPRESS tile declares nx × ny pixels. */
  static byte[] hcompressTileSize(int nx, int ny) {
    byte[] file = Corpus.bytes("compressed/m13_hcomp.fits").clone();
    // The first stream magic past the primary header starts the first tile: the tile table before
    // the heap holds only small descriptors, and header text is ASCII.
    for (int at = BLOCK; at < file.length - 10; at++) {
      if ((file[at] & 0xFF) == 0xDD && (file[at + 1] & 0xFF) == 0x99) {
        putInt(file, at + 2, nx);
        putInt(file, at + 6, ny);
        return file;
      }
    }
    throw new IllegalStateException("no HCOMPRESS stream in m13_hcomp.fits");
  }

  /** {@code compressed/m13_rice.fits} whose first tile descriptor claims {@code length} bytes. */
  static byte[] riceFirstTileLength(int length) {
    byte[] file = Corpus.bytes("compressed/m13_rice.fits").clone();
    // The table's data starts at the first block boundary after the second END card.
    int end = -1;
    for (int hdu = 0; hdu < 2; hdu++) {
      end = indexOfEnd(file, end + 1);
    }
    putInt(file, (end / BLOCK + 1) * BLOCK, length);
    return file;
  }

  private static int indexOfEnd(byte[] file, int from) {
    var end = String.format("%-80s", "END").getBytes(StandardCharsets.US_ASCII);
    for (int at = (from + 79) / 80 * 80; at + 80 <= file.length; at += 80) {
      if (Arrays.equals(file, at, at + 80, end, 0, 80)) {
        return at;
      }
    }
    throw new IllegalStateException("no END card");
  }

  private static byte[] replaceCard(byte[] seed, String keyword, String value) {
    byte[] file = seed.clone();
    var key = String.format("%-8s=", keyword).getBytes(StandardCharsets.US_ASCII);
    for (int at = 0; at < file.length - 80; at += 80) {
      if (Arrays.equals(file, at, at + key.length, key, 0, key.length)) {
        var card = String.format("%-80s", String.format("%-8s= %s", keyword, value));
        System.arraycopy(card.getBytes(StandardCharsets.US_ASCII), 0, file, at, 80);
        return file;
      }
    }
    throw new IllegalStateException(keyword + " not found");
  }

  private static void putInt(byte[] file, int at, int value) {
    file[at] = (byte) (value >>> 24);
    file[at + 1] = (byte) (value >>> 16);
    file[at + 2] = (byte) (value >>> 8);
    file[at + 3] = (byte) value;
  }

  private static String resource(String name) {
    return new String(resourceBytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] resourceBytes(String name) {
    try (InputStream in = Mutants.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCES + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
