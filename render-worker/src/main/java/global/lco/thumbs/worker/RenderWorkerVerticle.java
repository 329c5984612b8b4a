package global.lco.thumbs.worker;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.contract.WorkerStatus;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.metrics.WarmMetrics;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.job.FrameCache;
import global.lco.thumbs.worker.job.JobAdmission;
import global.lco.thumbs.worker.job.JobExecution;
import global.lco.thumbs.worker.job.JobReport;
import global.lco.thumbs.worker.job.MemoryBudget;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.job.Warmup;
import global.lco.thumbs.worker.job.WorkSlots;
import global.lco.thumbs.worker.pixels.PixelPool;
import global.lco.thumbs.worker.job.WarmLane;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A render worker, wired: jobs from the shared render address and from its own address go through
 * {@link JobAdmission} (capacity, single flight, drain) to {@link JobExecution} (store check, fetch,
 * render, store), and {@link JobReport} logs and counts each outcome. It publishes its status for
 * the gateways' routing every {@value #STATUS_INTERVAL_MS} ms and drains before it leaves.
 */
public final class RenderWorkerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RenderWorkerVerticle.class);
  static final long STATUS_INTERVAL_MS = 500;

  private final RenderWorkerConfig config;
  private final ThumbnailStore store;
  private final String nodeId;
  private HttpClient http;
  private WorkerExecutor renderPool;
  private PixelPool pixels;
  private WorkerExecutor warmPool;
  private JobExecution execution;
  // Volatile: the readiness check reads them from the management port's event loop ({@link #accepting}).
  private volatile JobAdmission admission;
  private volatile MessageConsumer<JsonObject> sharedConsumer;
  private JobReport report;
  private MessageConsumer<JsonObject> ownConsumer;
  private long statusTimer = -1;

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
    var metrics = ThumbsMetrics.of(vertx);
    http = vertx.createHttpClient(FitsFetcher.clientOptions(),
        new PoolOptions().setHttp1MaxSize(Math.max(4, config.renderConcurrency() * 2)));
    renderPool = vertx.createSharedWorkerExecutor("thumbs-render", config.renderConcurrency(), 10, TimeUnit.MINUTES);
    // Warm renders have threads of their own, so a user job never waits in a pool queue behind one.
    warmPool = vertx.createSharedWorkerExecutor("thumbs-warm", Math.max(1, config.warmConcurrency()), 10, TimeUnit.MINUTES);
    // This worker's pixel threads: its concurrent renders queue their row bands on them instead of each taking every core.
    pixels = PixelPool.withThreads(config.renderThreads());
    var budget = new MemoryBudget(config.memoryBudget());
    LOG.info("{} render(s) at once, render memory budget {} MiB, frame cache {} MiB, max heap {} MiB",
        config.renderConcurrency(), config.memoryBudget() >> 20, config.frameCacheBytes() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    // One user job per render thread holds a file, plus one downloading ahead so a thread never waits for the network.
    var slots = new WorkSlots(config.renderConcurrency() + 1);
    var runner = new RenderJobRunner(config.fitsLimits(), budget);
    execution = new JobExecution(new FitsFetcher(http, config.maxSourceBytes()), renderPool, warmPool, pixels,
        runner, budget, slots, store,
        config.downloadTimeout(), nodeId, new FrameCache(config.frameCacheBytes()));
    admission = new JobAdmission(config.admitted(), config.renderConcurrency(),
        new WarmLane.Limits(config.warmConcurrency(), config.warmQueueLength()), metrics, WarmMetrics.of(vertx).laneGauges());
    execution.warmWaitsFor(admission::usersIdle);
    report = new JobReport(metrics);
    // Warm before announcing: the gateways send nothing to a worker they have not heard of.
    return warmUp(runner).compose(warm -> {
      sharedConsumer = vertx.eventBus().consumer(Addresses.RENDER, this::onJob);
      ownConsumer = vertx.eventBus().consumer(Addresses.renderAt(nodeId), this::onJob);
      return Future.all(sharedConsumer.completion(), ownConsumer.completion());
    }).onSuccess(ready -> {
      publishStatus();
      statusTimer = vertx.setPeriodic(STATUS_INTERVAL_MS, id -> publishStatus());
    });
  }

  /** A few renders of a made-up frame on the render threads ({@link Warmup}); a failure is logged, not fatal. */
  private Future<Void> warmUp(RenderJobRunner runner) {
    if (config.warmupRounds() <= 0) {
      return Future.succeededFuture();
    }
    return renderPool.executeBlocking(() -> pixels.running(() -> Warmup.run(runner, config.warmupRounds())), false)
        .onSuccess(ms -> LOG.info("warmed up in {} ms ({} rounds of renders of a made-up frame)", ms,
            config.warmupRounds()))
        .recover(failed -> {
          LOG.warn("warm-up failed, taking jobs anyway: {}", failed.toString());
          return Future.succeededFuture();
        })
        .mapEmpty();
  }

  /** Graceful leave: tell the gateways, stop taking jobs, let running renders finish, then close. */
  @Override
  public Future<?> stop() {
    admission.leave();
    vertx.cancelTimer(statusTimer);
    publishStatus();
    LOG.info("leaving: no new jobs taken, {} running render(s) to finish", admission.running());
    // Consumers are null when the worker stops during its warm-up, before it took any job.
    return Future.join(sharedConsumer == null ? Future.succeededFuture() : sharedConsumer.unregister(),
            ownConsumer == null ? Future.succeededFuture() : ownConsumer.unregister())
        .eventually(() -> admission.drained(config.drainTimeout()).recover(late -> {
          LOG.warn("leaving with {} render(s) still running after {} ms", admission.running(),
              config.drainTimeout().toMillis());
          return Future.succeededFuture();
        }))
        .eventually(() -> {
          renderPool.close();
          pixels.close();
          warmPool.close();
          return http.close();
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
    var render = admission.admit(job, this::execute);
    if (render == null) {
      message.fail(Failure.BUSY.status(), Failure.BUSY.encode(null));
      return;
    }
    render.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result().forCaller(job.wantBytes()).toJson());
      } else {
        var problem = JobReport.asProblem(done.cause());
        message.fail(problem.status(), problem.failure().encode(problem.getMessage()));
      }
    });
  }

  private Future<RenderReply> execute(RenderJob job) {
    long start = System.nanoTime();
    return execution.run(job).andThen(done -> report.finished(job, done, System.nanoTime() - start));
  }

  /** Whether this worker takes jobs: its consumer is registered and it is not leaving. Safe from any thread. */
  public boolean accepting() {
    var consumer = sharedConsumer;
    var jobs = admission;
    return jobs != null && !jobs.leaving() && consumer != null && consumer.isRegistered();
  }

  private void publishStatus() {
    // User jobs only: warm jobs never take capacity a gateway could route a request to.
    var status = new WorkerStatus(nodeId, admission.capacity(), admission.userJobs(), admission.leaving());
    vertx.eventBus().publish(Addresses.WORKERS, status.toJson());
  }
}
