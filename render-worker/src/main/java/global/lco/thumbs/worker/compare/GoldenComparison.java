package global.lco.thumbs.worker.compare;

import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.render.Picture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a golden case with our pipeline (from the FITS bytes, as the worker does) and compares
 * the pre-encode image with the reference renderer's.
 *
 * @param difference null when the sizes differ, which fails every expectation
 */
public record GoldenComparison(GoldenCase goldenCase, Picture ours, Picture reference, ImageDifference difference) {

  public static GoldenComparison of(GoldenCase goldenCase, Path testdata, RenderJobRunner runner) throws IOException {
    var fits = new ArrayList<byte[]>();
    for (String file : goldenCase.files()) {
      fits.add(Files.readAllBytes(testdata.resolve("fits").resolve(file)));
    }
    Picture ours = goldenCase.colour() ? runner.colourPicture(fits, goldenCase.params()).picture()
        : runner.picture(fits.get(0), goldenCase.params());
    Picture reference = PictureFiles.read(testdata.resolve("golden").resolve(goldenCase.name() + ".png"));
    boolean sameSize = ours.width() == reference.width() && ours.height() == reference.height()
        && ours.channels() == reference.channels();
    return new GoldenComparison(goldenCase, ours, reference, sameSize ? ImageDifference.between(ours, reference) : null);
  }

  /** Every case of {@code testdata/golden/cases.tsv}. */
  public static List<GoldenComparison> all(Path testdata) throws IOException {
    var runner = new RenderJobRunner(Long.MAX_VALUE);
    var out = new ArrayList<GoldenComparison>();
    for (var goldenCase : GoldenCase.read(testdata.resolve("golden").resolve("cases.tsv"))) {
      out.add(of(goldenCase, testdata, runner));
    }
    return out;
  }

  public boolean passed() {
    return difference != null && goldenCase.expectation().met(difference);
  }

  /** One Markdown table row: case, size, mean difference per channel, SSIM, largest difference, pixels off, verdict. */
  public String row() {
    String size = ours.width() + "×" + ours.height();
    if (difference == null) {
      return "| " + goldenCase.name() + " | " + size + " (reference " + reference.width() + "×" + reference.height()
          + ") | – | – | – | – | size differs |";
    }
    return String.format("| %s | %s | %s | %s | %d | %d | %s |", goldenCase.name(), size,
        join(difference.meanDifference(), "%.2f"), join(difference.ssim(), "%.4f"), difference.maxDifference(),
        difference.differingPixels(), passed() ? "ok" : "FAILS: " + goldenCase.expectation().bound());
  }

  public static String header() {
    return "| case | size | mean difference | SSIM | max | pixels off | verdict |\n"
        + "| --- | --- | --- | --- | --- | --- | --- |";
  }

  private static String join(double[] values, String format) {
    var parts = new ArrayList<String>();
    for (double v : values) {
      parts.add(String.format(format, v));
    }
    return String.join(" / ", parts);
  }
}
