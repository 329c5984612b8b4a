package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.shared.health.ClusterCheck;
import global.lco.thumbs.shared.health.Readiness;
import global.lco.thumbs.shared.health.StoreProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A gateway is ready when it can answer a thumbnail request: still in its cluster (when
 * clustered), at least one render worker known, and the thumbnail store answering.
 */
final class GatewayReadiness {
  private final Vertx vertx;
  private final WorkerRegistry workers;
  private final StoreProbe store;

  GatewayReadiness(Vertx vertx, WorkerRegistry workers, StoreProbe store) {
    this.vertx = vertx;
    this.workers = workers;
    this.store = store;
  }

  Future<Readiness> check() {
    int known = workers.size();
    var checks = new JsonObject().put("workers", known);
    boolean joined = ClusterCheck.addTo(vertx, checks);
    return store.reachable().map(reachable -> {
      checks.put("store", reachable);
      return new Readiness(joined && known > 0 && reachable, checks);
    });
  }
}
