package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.gateway.warm.WarmStatus;
import global.lco.thumbs.shared.health.ClusterCheck;
import global.lco.thumbs.shared.health.Readiness;
import global.lco.thumbs.shared.health.StoreProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A gateway is ready when it can answer a thumbnail request: still in its cluster (when
 * clustered), at least one render worker known, and the thumbnail store answering. The ingest
 * listener's connection is shown but decides nothing: requests are served the same without it.
 */
final class GatewayReadiness {
  private final Vertx vertx;
  private final WorkerRegistry workers;
  private final StoreProbe store;
  private final WarmStatus warm;

  GatewayReadiness(Vertx vertx, WorkerRegistry workers, StoreProbe store, WarmStatus warm) {
    this.vertx = vertx;
    this.workers = workers;
    this.store = store;
    this.warm = warm;
  }

  Future<Readiness> check() {
    int known = workers.size();
    var checks = new JsonObject().put("workers", known);
    boolean joined = ClusterCheck.addTo(vertx, checks);
    return store.reachable().map(reachable -> {
      checks.put("store", reachable);
      warm.addTo(checks);
      return new Readiness(joined && known > 0 && reachable, checks);
    });
  }
}
