package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.shared.health.ClusterCheck;
import global.lco.thumbs.shared.health.Readiness;
import global.lco.thumbs.shared.health.StoreProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * A gateway is ready when it can answer a thumbnail request: still in its cluster (when
 * clustered), at least one render worker known, and the thumbnail store answering. The ingest
 * listener's connection is shown but decides nothing: requests are served the same without it.
 */
final class GatewayReadiness {
  private final Vertx vertx;
  private final WorkerRegistry workers;
  private final StoreProbe store;
  private final Consumer<JsonObject> shown;

  /** @param shown adds checks that are shown but decide nothing (the ingest listener's connection) */
  GatewayReadiness(Vertx vertx, WorkerRegistry workers, StoreProbe store, Consumer<JsonObject> shown) {
    this.vertx = vertx;
    this.workers = workers;
    this.store = store;
    this.shown = shown;
  }

  Future<Readiness> check() {
    int known = workers.size();
    var checks = new JsonObject().put("workers", known);
    boolean joined = ClusterCheck.addTo(vertx, checks);
    return store.reachable().map(reachable -> {
      checks.put("store", reachable);
      shown.accept(checks);
      return new Readiness(joined && known > 0 && reachable, checks);
    });
  }
}
