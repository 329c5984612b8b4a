package global.lco.thumbs.worker.cli;

import global.lco.thumbs.worker.compare.GoldenComparison;
import global.lco.thumbs.worker.compare.ImageDifference;
import global.lco.thumbs.worker.compare.PictureFiles;
import global.lco.thumbs.worker.render.Picture;
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
    Picture a = PictureFiles.read(ours);
    Picture b = PictureFiles.read(reference);
    if (a.channels() != b.channels()) {
      // fits2image saves grey thumbnails as RGB: compare a grey image with it as RGB.
      a = PictureFiles.rgb(a);
      b = PictureFiles.rgb(b);
    }
    if (a.width() != b.width() || a.height() != b.height()) {
      System.out.printf("sizes differ: %dx%d against %dx%d%n", a.width(), a.height(), b.width(), b.height());
      return 1;
    }
    var d = ImageDifference.between(a, b);
    System.out.printf("%dx%d, mean difference %s, SSIM %s, largest difference %d, %d of %d pixels differ%n",
        a.width(), a.height(), format(d.meanDifference(), "%.3f"), format(d.ssim(), "%.4f"), d.maxDifference(),
        d.differingPixels(), (long) a.width() * a.height());
    return 0;
  }

  private static String format(double[] values, String format) {
    return String.join(" / ", Arrays.stream(values).mapToObj(v -> String.format(format, v)).toList());
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
