package global.lco.thumbs.worker.cli;

import global.lco.thumbs.worker.compare.GoldenComparison;
import global.lco.thumbs.worker.compare.ImageDifference;
import global.lco.thumbs.worker.compare.PictureFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * For whoever changes the renderer: {@code compare OURS.png REFERENCE.png} prints how far two
 * pre-encode images are apart (mean difference and SSIM per channel); {@code golden [TESTDATA]}
 * renders every golden case and prints the table against the committed fits2image references.
 * Exit codes: 0 done (golden: every case within its bound), 1 a difference too large or a file
 * unreadable, 2 bad usage.
 */
public final class CompareCli {
  static final String USAGE = """
      usage: java -jar thumbs-render-worker.jar compare OURS.png REFERENCE.png
             java -jar thumbs-render-worker.jar golden [TESTDATA_DIR]   (default: testdata)""";

  private CompareCli() {
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args));
  }

  static int run(String[] args) {
    try {
      if (args.length == 3 && args[0].equals("compare")) {
        return compare(Path.of(args[1]), Path.of(args[2]));
      }
      if ((args.length == 1 || args.length == 2) && args[0].equals("golden")) {
        return golden(Path.of(args.length == 2 ? args[1] : "testdata"));
      }
    } catch (IOException | IllegalArgumentException failed) {
      System.err.println("error: " + failed.getMessage());
      return 1;
    }
    System.err.println(USAGE);
    return 2;
  }

  private static int compare(Path ours, Path reference) throws IOException {
    var d = ImageDifference.between(PictureFiles.read(ours), PictureFiles.read(reference));
    System.out.printf("mean difference %s, SSIM %s, largest difference %d, %d pixels differ%n",
        Arrays.toString(d.meanDifference()), Arrays.toString(d.ssim()), d.maxDifference(), d.differingPixels());
    return 0;
  }

  private static int golden(Path testdata) throws IOException {
    var all = GoldenComparison.all(testdata);
    System.out.println(GoldenComparison.header());
    all.forEach(c -> System.out.println(c.row()));
    long failed = all.stream().filter(c -> !c.passed()).count();
    System.out.println();
    System.out.println(all.size() + " cases, " + failed + " outside their bound");
    return failed == 0 ? 0 : 1;
  }
}
