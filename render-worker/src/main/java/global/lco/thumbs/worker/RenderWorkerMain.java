package global.lco.thumbs.worker;

import global.lco.thumbs.shared.cluster.ClusterConfig;
import global.lco.thumbs.shared.cluster.ClusterNode;
import global.lco.thumbs.shared.cluster.ShutdownHook;
import global.lco.thumbs.shared.config.ConfigException;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.health.ManagementConfig;
import global.lco.thumbs.shared.health.ManagementVerticle;
import global.lco.thumbs.shared.health.StoreProbe;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.shared.store.ThumbnailStores;
import global.lco.thumbs.worker.cli.CompareCli;
import global.lco.thumbs.worker.cli.RenderCli;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.job.Warmup;
import global.lco.thumbs.worker.pixels.PixelPool;
import global.lco.thumbs.shared.cluster.NodeOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * A render-worker node: joins the cluster named by CLUSTER_NAME and renders the jobs gateways send.
 * {@code render ...} runs the command-line renderer instead ({@link RenderCli}); {@code compare} and
 * {@code golden} compare with the reference renderer ({@link CompareCli}); {@code --aot-training} is the
 * workload of the JDK's ahead-of-time cache ({@code config/aot-cache.sh}).
 */
public final class RenderWorkerMain {
  private RenderWorkerMain() {
  }

  /** Rounds of the made-up frame's renders the AOT cache is recorded from: the start-up warm-up's, longer. */
  private static final int AOT_TRAINING_ROUNDS = 20;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length > 0 && args[0].equals("render")) {
      RenderCli.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && (args[0].equals("compare") || args[0].equals("golden"))) {
      CompareCli.main(args);
      return;
    }
    if (args.length == 1 && args[0].equals("--aot-training")) {
      aotTraining();
      return;
    }
    if (args.length > 0) {
      System.err.println("usage: java -jar thumbs-render-worker.jar                 a worker node (environment: see README)\n"
          + "       java -jar thumbs-render-worker.jar render [options] IN OUT   render one FITS file (--help)\n"
          + "       java -jar thumbs-render-worker.jar compare OURS.png REF.png  mean difference and SSIM of two images\n"
          + "       java -jar thumbs-render-worker.jar golden [TESTDATA]         the golden cases against fits2image\n"
          + "       java -jar thumbs-render-worker.jar --aot-training            the workload of the JDK's AOT cache");
      System.exit(args[0].equals("--help") ? 0 : 2);
    }
    var problems = new ArrayList<String>();
    var env = new Env(System.getenv(), problems);
    var cluster = ClusterConfig.fromEnv(env);
    var worker = RenderWorkerConfig.fromEnv(env);
    // Workers never serve the local store's URLs, so the HTTP port only fills in a default.
    var storeConfig = StoreConfig.fromEnv(env, 8080);
    var management = ManagementConfig.fromEnv(env, ManagementConfig.DEFAULT_WORKER_PORT);
    if (!problems.isEmpty()) {
      System.err.println(new ConfigException(problems).getMessage());
      System.exit(2);
    }
    ClusterNode.start(cluster, NodeOptions.defaults())
        .compose(node -> {
          ShutdownHook.install("render-worker", node::close, worker.drainTimeout().plus(Duration.ofSeconds(10)));
          return ThumbnailStores.open(node.vertx(), storeConfig)
              .compose(store -> {
                var verticle = new RenderWorkerVerticle(worker, store, node.nodeId());
                var readiness = new WorkerReadiness(node.vertx(), verticle, new StoreProbe(store, StoreProbe.DEFAULT_TTL));
                var port = new ManagementVerticle(management, readiness::check);
                return node.vertx().deployVerticle(verticle)
                    .compose(id -> node.vertx().deployVerticle(port))
                    .map(id -> port);
              })
              .onSuccess(server -> System.out.println("Render worker node " + node.nodeId() + " of cluster '" + cluster.name()
                  + "' ready: " + worker.renderConcurrency() + " renders at once, " + worker.queueLength() + " queued;"
                  + " health, readiness and metrics on http://" + management.host() + ":" + server.port() + "/"))
              .onFailure(err -> node.close());
        })
        .onFailure(err -> {
          System.err.println("Render worker start-up failed: " + err);
          System.exit(1);
        });
  }

  /**
   * {@code --aot-training}: the renders a worker makes, on the made-up frame of its start-up warm-up
   * ({@link Warmup}), for {@code config/aot-cache.sh} to record the JDK's ahead-of-time cache from
   * (JDK 25); a worker started from that cache renders its first frames compiled. The cluster is not
   * joined.
   */
  private static void aotTraining() {
    var problems = new ArrayList<String>();
    var worker = RenderWorkerConfig.fromEnv(new Env(System.getenv(), problems));
    try (var pixels = PixelPool.withThreads(worker.renderThreads())) {
      long ms = pixels.running(() -> Warmup.run(new RenderJobRunner(worker.fitsLimits()), AOT_TRAINING_ROUNDS));
      System.out.println("AOT training done (" + AOT_TRAINING_ROUNDS + " rounds of renders of a made-up frame, " + ms
          + " ms)");
    }
  }
}
