package global.lco.thumbs.app;

import global.lco.thumbs.archive.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A data folder for the sample archive: the bundled corpus plus files of a test's own, which the
 * archive serves as public frames named after the file (without {@code .fits}).
 */
final class ArchiveData {
  private ArchiveData() {
  }

  /**
   * Copies the corpus to {@code target} and writes each extra file as {@code fits/<folder>/<name>.fits}.
   *
   * @return {@code target}
   */
  static Path withExtraFrames(Path target, String folder, Map<String, byte[]> frames) {
    try {
      copyTree(TestData.root(), target);
      var dir = Files.createDirectories(target.resolve("fits").resolve(folder));
      for (var frame : frames.entrySet()) {
        Files.write(dir.resolve(frame.getKey() + ".fits"), frame.getValue());
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        var target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
