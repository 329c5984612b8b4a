package global.lco.thumbs.shared.cluster;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * SIGTERM handling for the runnables: close Vert.x (verticles drain in their {@code stop()}, then the
 * node leaves the cluster) and wait for it, bounded so a stuck close cannot keep the process alive.
 */
public final class ShutdownHook {
  private ShutdownHook() {
  }

  public static void install(String name, Supplier<Future<Void>> close, Duration timeout) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        close.get().toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        System.err.println(name + ": shutdown did not finish cleanly: " + e.getClass().getSimpleName());
      }
    }, name + "-shutdown"));
  }
}
