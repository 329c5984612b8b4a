package global.lco.thumbs.app;

import global.lco.thumbs.shared.cluster.ClusterNode;
import global.lco.thumbs.shared.config.ConfigException;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.health.ManagementConfig;
import global.lco.thumbs.shared.health.ManagementVerticle;
import global.lco.thumbs.shared.health.StoreProbe;
import global.lco.thumbs.shared.http.ConnectionLimits;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.shared.store.ThumbnailStores;
import global.lco.thumbs.worker.RenderWorkerConfig;
import global.lco.thumbs.worker.RenderWorkerVerticle;
import global.lco.thumbs.worker.WorkerReadiness;
import java.util.ArrayList;

/** A clustered render worker wired as RenderWorkerMain wires it, management port included. */
record WorkerNodes(ClusterNode node, String deploymentId, ManagementVerticle management) {

  static WorkerNodes start(ClusterFixture cluster) {
    var env = cluster.env();
    var node = cluster.node(env);
    var problems = new ArrayList<String>();
    var config = RenderWorkerConfig.fromEnv(new Env(env, problems));
    var managementConfig = new ManagementConfig("127.0.0.1", 0, ConnectionLimits.fromEnv(new Env(env, problems)));
    var store = ThumbnailStores.open(node.vertx(), StoreConfig.fromEnv(new Env(env, problems), 0)).await();
    ConfigException.throwIfAny(problems);
    var verticle = new RenderWorkerVerticle(config, store, node.nodeId());
    var id = node.vertx().deployVerticle(verticle).await();
    var readiness = new WorkerReadiness(node.vertx(), verticle, new StoreProbe(store, StoreProbe.DEFAULT_TTL));
    var management = new ManagementVerticle(managementConfig, readiness::check);
    node.vertx().deployVerticle(management).await();
    return new WorkerNodes(node, id, management);
  }

  String managementUrl() {
    return "http://127.0.0.1:" + management.port() + "/";
  }
}
