package global.lco.thumbs.shared.cluster;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * SIGTERM handling for the runnables: undeploy (verticles drain in their {@code stop()}), then close
 * Vert.x (and leave the cluster), each step awaited from the hook's own thread and all bounded by one
 * timeout, so a stuck close cannot keep the process alive. The steps are separate because a future
 * made on a Vert.x context delivers its completion on that context's event loop: chained after
 * {@code vertx.close()}, that delivery never happens and the hook would wait out its timeout.
 */
public final class ShutdownHook {
  private ShutdownHook() {
  }

  public static void install(String name, Supplier<Future<Void>> close, Duration timeout) {
    install(name, List.of(close), timeout);
  }

  /** Runs {@code steps} in order when the JVM is asked to stop, waiting for each. */
  public static void install(String name, List<Supplier<Future<Void>>> steps, Duration timeout) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long deadline = System.nanoTime() + timeout.toNanos();
      try {
        for (var step : steps) {
          long left = Math.max(1, deadline - System.nanoTime());
          step.get().toCompletionStage().toCompletableFuture().get(left, TimeUnit.NANOSECONDS);
        }
      } catch (Exception e) {
        System.err.println(name + ": shutdown did not finish cleanly: " + e.getClass().getSimpleName());
      }
    }, name + "-shutdown"));
  }
}
