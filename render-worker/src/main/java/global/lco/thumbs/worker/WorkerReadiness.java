package global.lco.thumbs.worker;

import global.lco.thumbs.shared.health.ClusterCheck;
import global.lco.thumbs.shared.health.Readiness;
import global.lco.thumbs.shared.health.StoreProbe;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * A render worker is ready when gateways may send it work: its job consumer is registered, it is
 * not leaving, it is still in its cluster and the thumbnail store answers. Runs on the management
 * port's event loop; it only reads the worker's thread-safe state.
 */
public final class WorkerReadiness {
  private final Vertx vertx;
  private final RenderWorkerVerticle worker;
  private final StoreProbe store;

  public WorkerReadiness(Vertx vertx, RenderWorkerVerticle worker, StoreProbe store) {
    this.vertx = vertx;
    this.worker = worker;
    this.store = store;
  }

  public Future<Readiness> check() {
    boolean accepting = worker.accepting();
    var checks = new JsonObject().put("accepting", accepting);
    boolean joined = ClusterCheck.addTo(vertx, checks);
    return store.reachable().map(reachable -> {
      checks.put("store", reachable);
      return new Readiness(accepting && joined && reachable, checks);
    });
  }
}
