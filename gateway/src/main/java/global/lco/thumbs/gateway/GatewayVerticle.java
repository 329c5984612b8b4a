package global.lco.thumbs.gateway;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.archive.CallerLookups;
import global.lco.thumbs.gateway.http.GatewayRouter;
import global.lco.thumbs.gateway.http.IiifHandler;
import global.lco.thumbs.gateway.http.ThumbnailHandler;
import global.lco.thumbs.gateway.http.InvalidRequests;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.gateway.dispatch.RenderQuarantine;
import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.gateway.warm.WarmStatus;
import global.lco.thumbs.shared.http.ConnectionGuard;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/** Wires the HTTP API: archive client, router, render dispatch. Computes nothing itself. */
public final class GatewayVerticle extends VerticleBase {
  /** Callers × frames whose archive lookups are remembered at once (docs/iiif.md). */
  private static final int CALLER_LOOKUPS = 10_000;
  private final GatewayConfig config;
  private final ThumbnailStore store;
  private final WarmStatus warm;
  private WebClient archiveHttp;
  private HttpServer server;
  private WorkerRegistry workers;

  public GatewayVerticle(GatewayConfig config, ThumbnailStore store) {
    this(config, store, WarmStatus.disabled());
  }

  /** @param warm the ingest listener's state, shown by {@code /ready} (the listener is a verticle of its own) */
  public GatewayVerticle(GatewayConfig config, ThumbnailStore store, WarmStatus warm) {
    this.config = config;
    this.store = store;
    this.warm = warm;
  }

  @Override
  public Future<?> start() {
    archiveHttp = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("lco-thumbs/1.0")
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    var metrics = ThumbsMetrics.of(vertx);
    var archive = new ArchiveClient(archiveHttp, config.archive(), metrics);
    workers = new WorkerRegistry(vertx);
    workers.start();
    var dispatcher = new RenderDispatcher(vertx.eventBus(), workers, config.renderAttempt(), metrics,
        new RenderQuarantine(vertx, config.quarantine(), metrics));
    var thumbnails = new ThumbnailHandler(archive, new FrameValidator(config.rules()), store, dispatcher,
        config.maxSide(), config.requestDeadline(), config.orientation());
    var iiif = new IiifHandler(archive, new CallerLookups(config.iiifLookupTtl(), CALLER_LOOKUPS),
        new FrameValidator(config.rules()), store, dispatcher, config.maxSide(), config.requestDeadline(),
        config.orientation());
    var router = GatewayRouter.create(vertx, thumbnails, iiif, store, workers, warm::addTo);
    server = vertx.createHttpServer(ConnectionGuard.http1Only(new HttpServerOptions()
            .setHost(config.httpHost())
            .setPort(config.httpPort())
            .setCompressionSupported(false)
            .setMaxInitialLineLength(InvalidRequests.MAX_REQUEST_LINE)))
        .connectionHandler(new ConnectionGuard(config.connections(), metrics))
        .invalidRequestHandler(InvalidRequests::handle)
        .requestHandler(router);
    return server.listen();
  }

  /** Graceful: stop accepting, let accepted requests finish (up to the drain timeout), then close. */
  @Override
  public Future<?> stop() {
    var closed = server == null ? Future.succeededFuture() : server.shutdown(config.drainTimeout());
    return closed.andThen(done -> {
      if (workers != null) {
        workers.stop();
      }
      if (archiveHttp != null) {
        archiveHttp.close();
      }
    });
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }
}
