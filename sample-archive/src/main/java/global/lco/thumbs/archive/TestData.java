package global.lco.thumbs.archive;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the bundled test corpus ({@code testdata/}, holding {@code fits/} and
 * {@code archive/catalog.json}) from any module's tests or from a checkout: the system property
 * {@value #PROPERTY} (surefire sets it) when it names an existing folder, else the first
 * {@code testdata/} with a {@code fits/} folder found walking up from the working directory.
 */
public final class TestData {
  public static final String PROPERTY = "thumbs.testdata";

  private TestData() {
  }

  /** @throws IllegalStateException when no corpus can be found */
  public static Path root() {
    var configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      var path = Path.of(configured).toAbsolutePath().normalize();
      if (Files.isDirectory(path.resolve("fits"))) {
        return path;
      }
    }
    for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      var candidate = dir.resolve("testdata");
      if (Files.isDirectory(candidate.resolve("fits"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no testdata/ folder with fits/ found: set -D" + PROPERTY
        + "=/path/to/testdata or run from inside the project");
  }

  /** A file of the FITS corpus, e.g. {@code fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz")}. */
  public static Path fits(String relative) {
    return root().resolve("fits").resolve(relative);
  }
}
