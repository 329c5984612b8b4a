package global.lco.thumbs.worker.fits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bundled test frames ({@code testdata/fits}, passed in by the build as {@code thumbs.testdata}). */
public final class Corpus {
  private Corpus() {
  }

  public static Path fits(String relative) {
    var root = System.getProperty("thumbs.testdata");
    var base = root != null ? Path.of(root) : Path.of("..", "testdata");
    return base.resolve("fits").resolve(relative);
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(fits(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
