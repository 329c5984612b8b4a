package global.lco.thumbs.gateway;

import global.lco.thumbs.gateway.warm.WarmStatus;

import global.lco.thumbs.gateway.warm.IngestHandler;

import global.lco.thumbs.gateway.warm.FrameWarmer;

import global.lco.thumbs.gateway.warm.BrokerLink;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.gateway.dispatch.RenderQuarantine;
import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.metrics.WarmMetrics;
import global.lco.thumbs.shared.store.ThumbnailStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * The ingest listener, wired (docs/warming.md): a {@link BrokerLink} to the archive's broker feeds
 * each announcement to the {@link IngestHandler}, which warms it with a {@link FrameWarmer} over
 * this verticle's own archive client and render dispatch (warm lane). Deployed beside the
 * {@code GatewayVerticle} on gateway nodes when {@code WARM_BROKER_URL} is set; every gateway
 * consumes the one shared queue, so each message is handled by one of them.
 */
public final class WarmListenerVerticle extends VerticleBase {
  /** How often the broker is asked for the queue's depth. */
  static final long DEPTH_INTERVAL_MS = 5_000;

  private final GatewayConfig config;
  private final ThumbnailStore store;
  private final WarmStatus status;
  private WebClient archiveHttp;
  private WorkerRegistry workers;
  private BrokerLink link;
  private long depthTimer = -1;

  public WarmListenerVerticle(GatewayConfig config, ThumbnailStore store, WarmStatus status) {
    this.config = config;
    this.store = store;
    this.status = status;
  }

  @Override
  public Future<?> start() {
    var warm = config.warm();
    var metrics = ThumbsMetrics.of(vertx);
    var warmMetrics = WarmMetrics.of(vertx).listenerGauges();
    archiveHttp = WebClient.create(vertx, new WebClientOptions().setUserAgent("lco-thumbs-warm/1.0").setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(8));
    workers = new WorkerRegistry(vertx);
    workers.start();
    var dispatcher = new RenderDispatcher(vertx.eventBus(), workers, config.renderAttempt(), metrics,
        new RenderQuarantine(vertx, config.quarantine(), metrics));
    var warmer = new FrameWarmer(new ArchiveClient(archiveHttp, config.archive(), metrics),
        new FrameValidator(config.rules()), store, dispatcher, warm);
    var handler = new IngestHandler(vertx, warmer, warm, warmMetrics);
    link = new BrokerLink(vertx, warm, status, warmMetrics, handler::handle);
    link.start();
    depthTimer = vertx.setPeriodic(DEPTH_INTERVAL_MS, id -> {
      var session = link.current();
      if (session != null) {
        session.queueDepth().onSuccess(warmMetrics::queueDepth);
      }
    });
    return Future.succeededFuture();
  }

  /** Disconnects: messages not settled yet stay with the broker, which hands them to another gateway. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(depthTimer);
    return link.stop().andThen(done -> {
      workers.stop();
      archiveHttp.close();
    });
  }
}
