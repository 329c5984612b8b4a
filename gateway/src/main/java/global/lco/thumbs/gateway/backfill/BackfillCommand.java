package global.lco.thumbs.gateway.backfill;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code warm}: renders the thumbnails of existing frames through a running service (docs/warming.md),
 * {@code --concurrency} frames at a time and at most {@code --rate} started a second, skipping the
 * frames its state file says are settled, with a progress bar and a summary by outcome.
 */
public final class BackfillCommand {
  private BackfillCommand() {
  }

  /** {@code java -jar thumbs-gateway.jar warm ...} (or {@code thumbs.jar warm ...}); exits with the status of {@link #run}. */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.in, System.out, System.err, isTerminal()));
  }

  /** @return 0 when every frame settled, 1 when some failed, 2 on bad usage or an unreadable frame list */
  public static int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                        boolean terminal) {
    if (List.of(args).contains("--help")) {
      out.println(BackfillOptions.USAGE);
      return 0;
    }
    BackfillOptions options;
    try {
      options = BackfillOptions.parse(args, env);
    } catch (IllegalArgumentException bad) {
      err.println("warm: " + bad.getMessage());
      err.println(BackfillOptions.USAGE);
      return 2;
    }
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (var journal = new BackfillJournal(options.state())) {
      List<Long> ids;
      try {
        ids = FrameIdSource.read(options, http, in);
      } catch (IOException | IllegalArgumentException unreadable) {
        err.println("warm: cannot list the frames: " + unreadable.getMessage());
        return 2;
      }
      out.printf("warm: %d frames, %d at a time, at most %s a second; state in %s%n", ids.size(),
          options.concurrency(), options.rate(), options.state());
      var progress = new Progress(out, terminal, ids.size());
      work(ids, options, journal, progress, new FrameBackfill(http, options));
      progress.summary();
      return progress.counts().getOrDefault(Outcome.FAILED, 0) > 0 ? 1 : 0;
    } catch (IOException journalBroken) {
      err.println("warm: state file: " + journalBroken.getMessage());
      return 2;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static void work(List<Long> ids, BackfillOptions options, BackfillJournal journal, Progress progress,
                           FrameBackfill backfill) throws InterruptedException {
    var next = new AtomicInteger();
    var rate = new RateLimit(options.rate());
    var workers = new ArrayList<Thread>();
    for (int w = 0; w < options.concurrency(); w++) {
      workers.add(Thread.ofVirtual().name("warm-", w).start(() -> {
        try {
          for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
            long id = ids.get(i);
            if (journal.done(id)) {
              progress.finished(Outcome.SKIPPED);
              continue;
            }
            rate.acquire();
            var outcome = backfill.warm(id);
            if (outcome.done()) {
              journal.record(id);
            }
            progress.finished(outcome);
          }
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
        } catch (IOException journalBroken) {
          throw new java.io.UncheckedIOException(journalBroken);
        }
      }));
    }
    for (var worker : workers) {
      worker.join();
    }
  }

  /** A terminal, not a pipe or file: {@code Console.isTerminal()} where the JDK has it (22+), else a console at all. */
  static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException olderJdk) {
      return true;
    } catch (ReflectiveOperationException unknown) {
      return false;
    }
  }
}
