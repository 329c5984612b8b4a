package global.lco.thumbs.gateway.backfill;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Progress of a backfill: on a terminal a bar redrawn in place with rate and ETA; otherwise (a log,
 * a pipe) a plain line every {@value #PLAIN_INTERVAL_MS} ms. Counts by outcome for the summary.
 */
final class Progress {
  static final long PLAIN_INTERVAL_MS = 5_000;
  private static final int BAR = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final int total;
  private final long start = System.nanoTime();
  private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
  private int finished;
  private int worked;
  private long lastPlain;

  Progress(PrintStream out, boolean terminal, int total) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
  }

  synchronized void finished(Outcome outcome) {
    counts.merge(outcome, 1, Integer::sum);
    finished++;
    if (outcome != Outcome.SKIPPED) {
      worked++;
    }
    long now = System.nanoTime();
    if (terminal) {
      out.print("\r" + line() + "   ");
      out.flush();
    } else if (now - lastPlain >= PLAIN_INTERVAL_MS * 1_000_000 || finished == total) {
      lastPlain = now;
      out.println("progress " + line());
    }
  }

  synchronized Map<Outcome, Integer> counts() {
    return new EnumMap<>(counts);
  }

  /** {@code [#####.....] 250/500 50% 12.3 frames/s ETA 0:20}: rate over the frames actually worked on. */
  synchronized String line() {
    double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
    double rate = worked / seconds;
    int filled = total == 0 ? BAR : (int) ((long) BAR * finished / total);
    var eta = rate > 0 ? clock((long) ((total - finished) / rate)) : "?";
    return String.format(Locale.ROOT, "[%s%s] %d/%d %3.0f%% %.1f frames/s ETA %s", "#".repeat(filled),
        ".".repeat(BAR - filled), finished, total, total == 0 ? 100.0 : 100.0 * finished / total, rate, eta);
  }

  /** Ends the bar's line and prints the counts by outcome. */
  synchronized void summary() {
    if (terminal) {
      out.println();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "%d frames in %.1f s:", finished, seconds);
    for (var outcome : Outcome.values()) {
      out.printf(" %s %d", outcome.name().toLowerCase(Locale.ROOT), counts.getOrDefault(outcome, 0));
    }
    out.println();
  }

  static String clock(long seconds) {
    return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
