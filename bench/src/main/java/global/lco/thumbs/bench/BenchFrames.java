package global.lco.thumbs.bench;

import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.archive.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import nom.tam.fits.Fits;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.Compression;
import nom.tam.fits.compression.algorithm.quant.QuantizeOption;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * Builds the benchmark inputs from the bundled corpus, so a fresh clone needs nothing else: a
 * real frame tiled to the requested size, written in the layout of an LCO e91 file (an empty
 * primary HDU and a float32 {@code SCI} extension), RICE-compressed one row per tile with
 * subtractive dithering at q = 64, as {@code fpack -q 64} does. Files already built are reused.
 * A frame made elsewhere is {@link #served} as it is.
 */
final class BenchFrames {

  /** A generated input: where it is and its size. */
  record Frame(String name, Path file, int width, int height) {
    long decodedBytes() {
      return (long) width * height * Float.BYTES;
    }
  }

  private BenchFrames() {
  }

  /**
   * A 4160×4096 RICE frame (the size of LCO's 1 m cameras) tiled from a corpus frame, for where
   * {@code fetch-more.sh bench}'s frame is not needed or not there.
   */
  static Frame fourK(Path dir) throws IOException {
    return tiled(TestData.fits("lco/cpt1m012-fl10-20151216-0073-e00.fits.fz"), dir, 4160, 4096);
  }

  static Frame tiled(Path source, Path dir, int width, int height) throws IOException {
    String base = source.getFileName().toString().replaceAll("\\.fits(\\.fz)?$", "");
    String name = "bench-" + width + "x" + height + "-" + base;
    Path file = dir.resolve(name + ".fits.fz");
    if (!Files.exists(file)) {
      Files.createDirectories(dir);
      FitsImage src = decode(Files.readAllBytes(source));
      Path partial = dir.resolve(name + ".partial");
      write(tile(src, width, height), partial);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return new Frame(width + "x" + height, file, width, height);
  }

  /**
   * A frame made elsewhere (e.g. by {@code fetch-more.sh bench}), linked or copied into {@code dir}
   * so the archive serves it.
   */
  static Frame served(Path source, Path dir) throws IOException {
    Path file = dir.resolve(source.getFileName());
    byte[] original = Files.readAllBytes(source);
    byte[] repaired = withoutEarlierDitherSeeds(original);
    if (repaired != original) {
      // fetch-more.sh's frame carries the source's ZDITHER0 = 0 before the one fpack wrote: two
      // conflicting values, which the worker refuses (astropy reads the first, 0, outside the
      // convention's 1..10000). Both renderers get the copy with fpack's value alone.
      System.out.println("note: " + source.getFileName() + " has two ZDITHER0 cards; serving a copy with the"
          + " earlier one turned into a COMMENT (fpack's value counts)");
      Files.createDirectories(dir);
      Files.write(file, repaired);
    } else if (!Files.exists(file) || Files.size(file) != Files.size(source)) {
      Files.createDirectories(dir);
      Files.deleteIfExists(file);
      try {
        Files.createLink(file, source);
      } catch (IOException | UnsupportedOperationException otherFileSystem) {
        Files.copy(source, file);
      }
    }
    try {
      var shape = new FitsDecoder(FitsLimits.of(Long.MAX_VALUE)).inspect(Files.readAllBytes(file));
      return new Frame(shape.width() + "x" + shape.height(), file, shape.width(), shape.height());
    } catch (Exception unreadable) {
      throw new IOException("cannot read " + source, unreadable);
    }
  }

  /**
   * The file with every ZDITHER0 card of its first two headers (the primary and the compressed
   * image) but the last turned into a COMMENT card, or the same array when there is at most one.
   */
  static byte[] withoutEarlierDitherSeeds(byte[] fits) {
    final int card = 80;
    final int block = 2880;
    var seeds = new java.util.ArrayList<Integer>();
    int ends = 0;
    for (int at = 0; at + card <= fits.length && ends < 2; at += card) {
      String keyword = new String(fits, at, 8, java.nio.charset.StandardCharsets.US_ASCII).trim();
      if (keyword.equals("ZDITHER0")) {
        seeds.add(at);
      } else if (keyword.equals("END")) {
        ends++;
        // The primary HDU of a .fits.fz has no data: the next header starts at the next block.
        at = (at / block + 1) * block - card;
      }
    }
    if (seeds.size() < 2) {
      return fits;
    }
    byte[] out = fits.clone();
    for (int seed : seeds.subList(0, seeds.size() - 1)) {
      System.arraycopy("COMMENT ".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, seed, 8);
    }
    return out;
  }

  private static FitsImage decode(byte[] fits) throws IOException {
    try {
      return new FitsDecoder(FitsLimits.of(Long.MAX_VALUE)).decode(fits);
    } catch (Exception unreadable) {
      throw new IOException("cannot read the source frame", unreadable);
    }
  }

  /** The source repeated across and down (its last rows and columns cut where the size ends). */
  private static float[][] tile(FitsImage src, int width, int height) {
    float[][] rows = new float[height][width];
    float[] px = src.pixels();
    for (int y = 0; y < height; y++) {
      // FitsImage row 0 is FITS row 0, which is also what nom-tam writes first.
      int sy = y % src.height();
      for (int x = 0; x < width; x++) {
        float v = px[sy * src.width() + x % src.width()];
        rows[y][x] = Float.isFinite(v) ? v : 0f;
      }
    }
    return rows;
  }

  private static void write(float[][] rows, Path file) throws IOException {
    try (Fits fits = new Fits()) {
      fits.addHDU(new NullDataHDU());
      ImageHDU image = ImageData.from(rows).toHDU();
      image.getHeader().addValue("EXTNAME", "SCI", "benchmark frame: a corpus frame tiled");
      CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, rows[0].length, 1);
      compressed.setCompressAlgorithm(Compression.ZCMPTYPE_RICE_1)
          .setQuantAlgorithm(Compression.ZQUANTIZ_SUBTRACTIVE_DITHER_1)
          .getCompressOption(QuantizeOption.class).setQlevel(64);
      compressed.compress();
      fits.addHDU(compressed);
      fits.write(file.toFile());
    } catch (nom.tam.fits.FitsException broken) {
      throw new IOException("cannot write " + file, broken);
    }
  }
}
