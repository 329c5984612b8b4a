package global.lco.thumbs.app;

import global.lco.thumbs.gateway.backfill.BackfillCommand;
import global.lco.thumbs.shared.config.ConfigException;
import io.vertx.core.Future;
import global.lco.thumbs.shared.cluster.NodeOptions;
import global.lco.thumbs.shared.cluster.ShutdownHook;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the single-machine service. With {@code --demo} it first starts the sample archive on
 * the bundled frames and points the service at it, so everything works with no internet.
 * {@code warm ...} runs the backfill command instead ({@link BackfillCommand}); {@code --aot-training}
 * the workload run.sh records the JVM's ahead-of-time cache from ({@link AotTraining}).
 */
public final class ThumbsMain {
  /** Enough for the gateway and worker drain timeouts' defaults to pass, then give up. */
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(70);

  private ThumbsMain() {
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length > 0 && args[0].equals("warm")) {
      BackfillCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length == 1 && args[0].equals("--aot-training")) {
      try {
        AotTraining.run();
      } catch (java.io.IOException noTempDir) {
        System.err.println("AOT training failed: " + noTempDir);
        System.exit(1);
      }
      return;
    }
    var arguments = List.of(args);
    if (arguments.contains("--help") || arguments.stream().anyMatch(a -> !a.equals("--demo"))) {
      System.err.println("usage: java -jar thumbs.jar [--demo | --aot-training | warm --help]   (configuration: environment variables, see README)");
      System.exit(arguments.contains("--help") ? 0 : 2);
    }
    boolean demo = arguments.contains("--demo");
    Map<String, String> env = new HashMap<>(System.getenv());
    var vertx = Vertx.vertx(NodeOptions.defaults());
    Future<Void> archiveReady = demo ? DemoArchive.start(vertx, env).mapEmpty() : Future.succeededFuture();
    archiveReady
        .compose(v -> ThumbsService.start(vertx, ThumbsConfig.fromEnv(env)))
        .onSuccess(service -> {
          ShutdownHook.install("thumbs", List.of(service::close, vertx::close), SHUTDOWN_TIMEOUT);
          var base = "http://localhost:" + service.port() + "/";
          System.out.println("Thumbnail service listening on " + base + " (archive: "
              + env.getOrDefault("ARCHIVE_API_URL", "https://archive-api.lco.global/") + ")");
          if (demo) {
            System.out.println("Try:  curl -s '" + base + "1001/?width=400&height=400'");
            System.out.println("      open " + base + "1001/?image=true&width=800&height=800");
          }
        })
        .onFailure(err -> {
          System.err.println(err instanceof ConfigException ? err.getMessage() : "Start-up failed: " + err);
          vertx.close();
          System.exit(1);
        });
  }
}
