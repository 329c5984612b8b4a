package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.RenderParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Timing harness (not a test): one colour thumbnail of three frames against three mono renders of
 * the same frames, one after the other, on this machine. Run it with the fat jar and the test classes:
 * <pre>
 * java -cp render-worker/target/thumbs-render-worker.jar:render-worker/target/test-classes \
 *   global.lco.thumbs.worker.job.ColourTiming RED.fits.fz GREEN.fits.fz BLUE.fits.fz
 * </pre>
 * The first round is a cold JVM; the medians are over the following rounds.
 */
public final class ColourTiming {
  private static final int ROUNDS = 6;

  private ColourTiming() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ColourTiming RED.fits GREEN.fits BLUE.fits");
      System.exit(2);
    }
    var fits = new ArrayList<byte[]>();
    for (var arg : args) {
      fits.add(Files.readAllBytes(Path.of(arg)));
    }
    var runner = new RenderJobRunner(Long.MAX_VALUE);
    var params = RenderParams.defaults();
    long[] colour = new long[ROUNDS];
    long[] mono = new long[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      var rendered = runner.renderColour(fits, params);
      colour[round] = (System.nanoTime() - start) / 1_000_000;
      start = System.nanoTime();
      for (var file : fits) {
        runner.render(file, params);
      }
      mono[round] = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("round %d: colour %d ms %s, three mono %d ms%n", round, colour[round], rendered.stageMillis(),
          mono[round]);
    }
    System.out.printf("cores %d; first round colour %d ms vs three mono %d ms; "
        + "later rounds median colour %d ms vs three mono %d ms%n", Runtime.getRuntime().availableProcessors(),
        colour[0], mono[0], median(colour), median(mono));
  }

  private static long median(long[] rounds) {
    long[] later = Arrays.copyOfRange(rounds, 1, rounds.length);
    Arrays.sort(later);
    return later[later.length / 2];
  }
}
