package global.lco.thumbs.worker.compare;

import global.lco.thumbs.shared.contract.RenderParams;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code testdata/golden/cases.tsv}: a render whose pre-encode image the reference
 * renderer's ({@code <name>.png}, made by {@code tools/golden/regenerate.sh}) is compared with.
 *
 * @param files FITS files under {@code testdata/fits}: one, or red, green and blue for a colour case
 */
public record GoldenCase(String name, RenderParams params, Expectation expectation, List<String> files) {

  /** The quality does not matter (pictures are compared before encoding); 100 is what the references used. */
  private static final int QUALITY = 100;

  public boolean colour() {
    return files.size() == 3;
  }

  public static List<GoldenCase> read(Path tsv) throws IOException {
    var cases = new ArrayList<GoldenCase>();
    for (String line : Files.readAllLines(tsv)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 7) {
        throw new IOException(tsv + ": expected 7 tab-separated columns in: " + line);
      }
      String label = f[4].equals("-") ? "" : f[4];
      var params = new RenderParams(Integer.parseInt(f[1]), Integer.parseInt(f[2]), label, f[3].equals("yes"), 99.5,
          QUALITY);
      var files = List.of(f[6].split(","));
      if (files.size() != 1 && files.size() != 3) {
        throw new IOException(tsv + ": a case renders one frame or three: " + line);
      }
      cases.add(new GoldenCase(f[0], params, Expectation.valueOf(f[5].toUpperCase()), files));
    }
    return cases;
  }
}
