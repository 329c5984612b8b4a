package global.lco.thumbs.app;

import global.lco.thumbs.gateway.GatewayVerticle;
import global.lco.thumbs.shared.store.LocalDirectoryStore;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.RenderWorkerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The single-machine service: one store, one render worker and one gateway on one Vert.x instance,
 * talking over the local event bus with the same request/reply contract a cluster uses.
 */
public final class ThumbsService {
  private final Vertx vertx;
  private final ThumbnailStore store;
  private final GatewayVerticle gateway;

  private ThumbsService(Vertx vertx, ThumbnailStore store, GatewayVerticle gateway) {
    this.vertx = vertx;
    this.store = store;
    this.gateway = gateway;
  }

  public static Future<ThumbsService> start(Vertx vertx, ThumbsConfig config) {
    return LocalDirectoryStore.open(vertx, config.store()).compose(store -> {
      var worker = new RenderWorkerVerticle(config.worker(), store);
      var gateway = new GatewayVerticle(config.gateway(), store);
      return vertx.deployVerticle(worker)
          .compose(id -> vertx.deployVerticle(gateway))
          .map(id -> new ThumbsService(vertx, store, gateway));
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
}
