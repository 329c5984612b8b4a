package global.lco.thumbs.app;

import global.lco.thumbs.gateway.GatewayVerticle;
import global.lco.thumbs.gateway.WarmListenerVerticle;
import global.lco.thumbs.gateway.warm.WarmStatus;
import global.lco.thumbs.shared.store.ThumbnailStores;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.RenderWorkerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.UUID;

/**
 * The single-machine service: one store, one render worker and one gateway on one Vert.x instance,
 * talking over the local event bus with the same request/reply contract a cluster uses; with
 * WARM_BROKER_URL set, the ingest listener too.
 */
public final class ThumbsService {
  private final Vertx vertx;
  private final ThumbnailStore store;
  private final GatewayVerticle gateway;
  private final String gatewayId;
  private final String workerId;
  private final String listenerId;

  private ThumbsService(Vertx vertx, ThumbnailStore store, GatewayVerticle gateway, String gatewayId, String workerId,
                        String listenerId) {
    this.vertx = vertx;
    this.store = store;
    this.gateway = gateway;
    this.gatewayId = gatewayId;
    this.workerId = workerId;
    this.listenerId = listenerId;
  }

  public static Future<ThumbsService> start(Vertx vertx, ThumbsConfig config) {
    return ThumbnailStores.open(vertx, config.store()).compose(store -> {
      var worker = new RenderWorkerVerticle(config.worker(), store, "local-" + UUID.randomUUID());
      var warm = WarmStatus.of(config.gateway().warm());
      var gateway = new GatewayVerticle(config.gateway(), store, warm);
      return vertx.deployVerticle(worker)
          .compose(workerId -> vertx.deployVerticle(gateway)
              .compose(gatewayId -> (config.gateway().warm().enabled()
                  ? vertx.deployVerticle(new WarmListenerVerticle(config.gateway(), store, warm)) : Future.succeededFuture((String) null))
                  .map(listenerId -> new ThumbsService(vertx, store, gateway, gatewayId, workerId, listenerId))))
          .onFailure(err -> store.close());
    });
  }

  /** The HTTP port the gateway listens on. */
  public int port() {
    return gateway.port();
  }

  public ThumbnailStore store() {
    return store;
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Undeploys the verticles (the ingest listener first, leaving unsettled messages to the broker;
   * the worker last, so in-flight renders can answer) and closes the store.
   */
  public Future<Void> close() {
    Future<Void> listener = listenerId == null ? Future.succeededFuture() : vertx.undeploy(listenerId);
    return listener.eventually(() -> vertx.undeploy(gatewayId))
        .eventually(() -> vertx.undeploy(workerId))
        .eventually(store::close);
  }
}
