package global.lco.thumbs.gateway.backfill;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The frames a backfill has settled for good, one id per line, appended and flushed as each is
 * settled, so a run stopped at any point (Ctrl-C, a crash) is picked up by the next without
 * redoing them. A torn last line is ignored.
 */
final class BackfillJournal implements AutoCloseable {
  private final Set<Long> done = new HashSet<>();
  private final BufferedWriter out;

  BackfillJournal(Path file) throws IOException {
    if (Files.exists(file)) {
      for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.matches("[0-9]{1,18}")) {
          done.add(Long.parseLong(line));
        }
      }
    }
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  synchronized boolean done(long frameId) {
    return done.contains(frameId);
  }

  synchronized void record(long frameId) throws IOException {
    if (done.add(frameId)) {
      out.write(Long.toString(frameId));
      out.newLine();
      out.flush();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
