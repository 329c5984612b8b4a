package global.lco.thumbs.worker;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.contract.WorkerStatus;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.job.FrameCache;
import global.lco.thumbs.worker.job.MemoryBudget;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.render.RowBands;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A render worker: takes jobs from the shared render address and from its own address, admits at
 * most {@code renderConcurrency + queueLength} distinct jobs (refusing the rest as busy at once,
 * because the event bus would otherwise buffer and then silently drop them), folds identical jobs into one,
 * publishes its status for the gateways' routing, and drains before it leaves.
 */
public final class RenderWorkerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RenderWorkerVerticle.class);
  static final long STATUS_INTERVAL_MS = 500;

  private final RenderWorkerConfig config;
  private final ThumbnailStore store;
  private final String nodeId;
  private final Map<String, Future<RenderReply>> running = new HashMap<>();
  private HttpClient http;
  private WorkerExecutor renderPool;
  private RenderPipeline pipeline;
  private MessageConsumer<JsonObject> sharedConsumer;
  private MessageConsumer<JsonObject> ownConsumer;
  private long statusTimer = -1;
  // Read by the management port's readiness check, on another event loop.
  private volatile boolean leaving;
  private ThumbsMetrics metrics;
  private Promise<Void> drained;

  /**
   * @param nodeId this node's cluster id (gateways address it and watch for it leaving); any
   *               unique string on a single machine
   */
  public RenderWorkerVerticle(RenderWorkerConfig config, ThumbnailStore store, String nodeId) {
    this.config = config;
    this.store = store;
    this.nodeId = nodeId;
  }

  @Override
  public Future<?> start() {
    metrics = ThumbsMetrics.of(vertx);
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(Math.max(4, config.renderConcurrency() * 2)));
    renderPool = vertx.createSharedWorkerExecutor("thumbs-render", config.renderConcurrency(), 10, TimeUnit.MINUTES);
    // One pixel pool for the whole process: concurrent renders queue their row bands on it instead of each taking every core.
    RowBands.configure(config.renderThreads());
    pipeline = new RenderPipeline(new FitsFetcher(http, config.maxSourceBytes()), renderPool,
        new RenderJobRunner(config.fitsLimits()), new MemoryBudget(config.memoryBudget()), store,
        config.downloadTimeout(), nodeId, new FrameCache(config.frameCacheBytes()));
    sharedConsumer = vertx.eventBus().consumer(Addresses.RENDER, this::onJob);
    ownConsumer = vertx.eventBus().consumer(Addresses.renderAt(nodeId), this::onJob);
    return Future.all(sharedConsumer.completion(), ownConsumer.completion()).onSuccess(ready -> {
      publishStatus();
      statusTimer = vertx.setPeriodic(STATUS_INTERVAL_MS, id -> publishStatus());
    });
  }

  /** Graceful leave: tell the gateways, stop taking jobs, let running renders finish, then close. */
  @Override
  public Future<?> stop() {
    leaving = true;
    vertx.cancelTimer(statusTimer);
    publishStatus();
    return Future.join(sharedConsumer.unregister(), ownConsumer.unregister())
        .eventually(this::drain)
        .eventually(() -> {
          renderPool.close();
          return http.close();
        });
  }

  private Future<Void> drain() {
    LOG.info("leaving: no new jobs taken, {} running render(s) to finish", running.size());
    if (running.isEmpty()) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    return drained.future().timeout(Math.max(1, config.drainTimeout().toMillis()), TimeUnit.MILLISECONDS)
        .recover(late -> {
          LOG.warn("leaving with {} render(s) still running after {} ms", running.size(), config.drainTimeout().toMillis());
          return Future.succeededFuture();
        });
  }

  private void onJob(Message<JsonObject> message) {
    RenderJob job;
    try {
      job = RenderJob.fromJson(message.body());
    } catch (RuntimeException malformed) {
      message.fail(Failure.INTERNAL.status(), Failure.INTERNAL.encode(null));
      return;
    }
    var render = admit(job);
    if (render == null) {
      message.fail(Failure.BUSY.status(), Failure.BUSY.encode(null));
      return;
    }
    render.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result().forCaller(job.wantBytes()).toJson());
      } else {
        var problem = asProblem(done.cause(), job);
        message.fail(problem.status(), problem.failure().encode(problem.getMessage()));
      }
    });
  }

  /** The render this job joins or starts, or null when this worker must refuse it (busy or leaving). */
  private Future<RenderReply> admit(RenderJob job) {
    var same = running.get(job.cacheKey());
    if (same != null) {
      metrics.singleFlightWait("worker");
      return same;
    }
    if (leaving || running.size() >= config.admitted()) {
      metrics.admissionRefused(leaving ? "leaving" : "busy");
      return null;
    }
    long start = System.nanoTime();
    var render = pipeline.run(job);
    running.put(job.cacheKey(), render);
    metrics.rendersInFlight().incrementAndGet();
    render.onComplete(done -> {
      running.remove(job.cacheKey());
      metrics.rendersInFlight().decrementAndGet();
      measure(done.succeeded() ? done.result() : null, done.cause(), job, System.nanoTime() - start);
      log(job, done.succeeded() ? done.result() : null, done.cause(), (System.nanoTime() - start) / 1_000_000);
      if (drained != null && running.isEmpty()) {
        drained.tryComplete();
      }
    });
    return render;
  }

  /** Whether this worker takes jobs: its consumer is registered and it is not leaving. Safe from any thread. */
  public boolean accepting() {
    var consumer = sharedConsumer;
    return !leaving && consumer != null && consumer.isRegistered();
  }

  private void measure(RenderReply reply, Throwable failure, RenderJob job, long nanos) {
    if (reply != null) {
      reply.stageMillis().forEach(metrics::renderStage);
      metrics.render("ok", nanos);
    } else {
      var code = failure instanceof Problem p ? p.failure().name() : Failure.INTERNAL.name();
      metrics.render(code.toLowerCase(Locale.ROOT), nanos);
    }
  }

  private void publishStatus() {
    var status = new WorkerStatus(nodeId, config.admitted(), running.size(), leaving);
    vertx.eventBus().publish(Addresses.WORKERS, status.toJson());
  }

  private void log(RenderJob job, RenderReply reply, Throwable failure, long ms) {
    var key = job.cacheKey().substring(0, 12);
    if (reply != null) {
      LOG.info("request={} key={} rendered {}x{} in {} ms stages={}", job.requestId(), key, reply.width(), reply.height(),
          ms, reply.stageMillis());
    } else {
      var problem = asProblem(failure, job);
      LOG.info("request={} key={} failed after {} ms: {} {}", job.requestId(), key, ms, problem.failure(),
          problem.getMessage());
    }
  }

  private static Problem asProblem(Throwable err, RenderJob job) {
    if (err instanceof Problem p) {
      return p;
    }
    LOG.error("request={} render failed unexpectedly", job.requestId(), err);
    return Failure.INTERNAL.problem();
  }
}
