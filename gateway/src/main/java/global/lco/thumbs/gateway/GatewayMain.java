package global.lco.thumbs.gateway;

import global.lco.thumbs.gateway.backfill.BackfillCommand;
import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.gateway.WarmListenerVerticle;
import global.lco.thumbs.gateway.warm.WarmStatus;
import global.lco.thumbs.shared.cluster.ClusterConfig;
import global.lco.thumbs.shared.cluster.ClusterNode;
import global.lco.thumbs.shared.cluster.ShutdownHook;
import global.lco.thumbs.shared.config.ConfigException;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.shared.store.ThumbnailStores;
import global.lco.thumbs.shared.cluster.NodeOptions;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;

/**
 * A gateway node: joins the cluster named by CLUSTER_NAME and serves the HTTP API, sending render
 * jobs to the cluster's render workers. Configuration: environment variables (README).
 */
public final class GatewayMain {
  private GatewayMain() {
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length > 0 && args[0].equals("warm")) {
      BackfillCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0) {
      System.err.println("usage: java -jar thumbs-gateway.jar [warm --help]   (configuration: environment variables, see README)");
      System.exit(args[0].equals("--help") ? 0 : 2);
    }
    var problems = new ArrayList<String>();
    var env = new Env(System.getenv(), problems);
    var cluster = ClusterConfig.fromEnv(env);
    var gateway = GatewayConfig.fromEnv(env);
    var storeConfig = StoreConfig.fromEnv(env, gateway.httpPort());
    if (!problems.isEmpty()) {
      System.err.println(new ConfigException(problems).getMessage());
      System.exit(2);
    }
    ClusterNode.start(cluster, NodeOptions.defaults())
        .compose(node -> {
          ShutdownHook.install("gateway", node::close, gateway.drainTimeout().plus(Duration.ofSeconds(10)));
          node.onMemberLeft(id -> WorkerRegistry.reportMemberLeft(node.vertx(), id));
          return ThumbnailStores.open(node.vertx(), storeConfig)
              .compose(store -> {
                var warm = WarmStatus.of(gateway.warm());
                var verticle = new GatewayVerticle(gateway, store, warm);
                return node.vertx().deployVerticle(verticle)
                    .compose(id -> gateway.warm().enabled()
                        ? node.vertx().deployVerticle(new WarmListenerVerticle(gateway, store, warm)) : Future.succeededFuture(id))
                    .map(id -> verticle);
              })
              .onSuccess(verticle -> System.out.println("Gateway node " + node.nodeId() + " of cluster '" + cluster.name()
                  + "' listening on http://" + gateway.httpHost() + ":" + verticle.port() + "/"))
              .onFailure(err -> node.close());
        })
        .onFailure(err -> {
          System.err.println("Gateway start-up failed: " + err);
          System.exit(1);
        });
  }
}
