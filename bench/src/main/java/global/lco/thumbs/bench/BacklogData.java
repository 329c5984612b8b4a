package global.lco.thumbs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sample-archive data folder with many frames for the warm benchmark: one FITS file linked under
 * {@code count} names, so each is a frame of its own (own id, own cache key) that costs a real
 * download and render. Ids run from {@link #FIRST_ID} in name order; the last one is kept for the
 * users' own requests.
 */
final class BacklogData {
  static final long FIRST_ID = 20_000;

  private BacklogData() {
  }

  /** Creates {@code dir} with {@code count} frames linked to {@code fits}; returns the data folder. */
  static Path create(Path dir, Path fits, int count) throws IOException {
    var frames = dir.resolve("fits/backlog");
    Files.createDirectories(frames);
    Files.createDirectories(dir.resolve("archive"));
    Files.writeString(dir.resolve("archive/catalog.json"), "{\"auto_first_id\": " + FIRST_ID + ", \"frames\": []}\n");
    var name = fits.getFileName().toString();
    var extension = name.endsWith(".fits.fz") ? ".fits.fz" : ".fits";
    for (int i = 0; i < count; i++) {
      var link = frames.resolve(String.format("frame-%05d%s", i, extension));
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, fits.toAbsolutePath());
      }
    }
    return dir;
  }
}
