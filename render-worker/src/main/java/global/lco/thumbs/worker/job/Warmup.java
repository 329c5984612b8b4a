package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.RenderParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.fits.ImageData;
import nom.tam.fits.ImageHDU;
import nom.tam.fits.NullDataHDU;
import nom.tam.fits.header.Compression;
import nom.tam.fits.compression.algorithm.quant.QuantizeOption;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import nom.tam.util.FitsOutputStream;

/**
 * Renders a made-up frame a few times before a worker takes its first job, so the JIT has compiled
 * the decode, stretch, resize and JPEG paths (and the JPEG and font libraries are loaded) by then:
 * a fresh JVM otherwise renders its first real frames at half speed. The frame is built in memory
 * in the layout of LCO's e91 files (float32 in an image extension, RICE with subtractive dithering,
 * one row per tile), from noise with a few stars, so no file ships for it.
 */
public final class Warmup {
  /** Side of the made-up frame: large enough for the hot loops to be compiled, small enough to start fast. */
  static final int SIDE = 1024;

  private Warmup() {
  }

  /**
   * Renders {@code rounds} rounds of the thumbnails a 4k frame gets, scaled to the made-up frame: a
   * 200 px one (box reduce fused with the stretch), one with median mode (box reduce on its own), a
   * 500 px one with a label (no box reduce), and every third round a colour one. Returns how long
   * it took in ms.
   */
  public static long run(RenderJobRunner runner, int rounds) {
    if (rounds <= 0) {
      return 0;
    }
    long start = System.nanoTime();
    byte[] frame = frame(SIDE, SIDE);
    var small = RenderParams.defaults();
    var median = new RenderParams(200, 200, "", true, RenderParams.DEFAULT_PERCENTILE, RenderParams.DEFAULT_QUALITY);
    var labelled = new RenderParams(500, 500, "warm-up", false, RenderParams.DEFAULT_PERCENTILE,
        RenderParams.DEFAULT_QUALITY);
    for (int round = 0; round < rounds; round++) {
      runner.render(frame, small);
      runner.render(frame, median);
      runner.render(frame, labelled);
      if (round % 3 == 0) {
        runner.renderColour(List.of(frame, frame, frame), small);
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** A {@code w × h} RICE-compressed float frame: sky noise around 1000 with a star every few thousand pixels. */
  static byte[] frame(int w, int h) {
    var random = new SplittableRandom(20_260_101);
    float[][] rows = new float[h][w];
    for (float[] row : rows) {
      for (int x = 0; x < w; x++) {
        row[x] = (float) (1000 + 12 * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5)
            + (random.nextInt(4000) == 0 ? 20_000 * random.nextDouble() : 0));
      }
    }
    try (Fits fits = new Fits(); var bytes = new ByteArrayOutputStream(); var out = new FitsOutputStream(bytes)) {
      fits.addHDU(new NullDataHDU());
      ImageHDU image = ImageData.from(rows).toHDU();
      image.getHeader().addValue("EXTNAME", "SCI", "made-up warm-up frame");
      CompressedImageHDU compressed = CompressedImageHDU.fromImageHDU(image, w, 1);
      compressed.setCompressAlgorithm(Compression.ZCMPTYPE_RICE_1)
          .setQuantAlgorithm(Compression.ZQUANTIZ_SUBTRACTIVE_DITHER_1)
          .getCompressOption(QuantizeOption.class).setQlevel(64);
      compressed.compress();
      fits.addHDU(compressed);
      fits.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (FitsException broken) {
      throw new IllegalStateException("cannot build the warm-up frame", broken);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
