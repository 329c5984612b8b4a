package global.lco.thumbs.worker;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.store.ThumbnailStore;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.job.RenderedJob;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes render jobs: fetch the FITS, decode and render it on a bounded worker pool (never on
 * the event loop), store the JPEG, reply. Failures go back as {@link Failure} codes.
 */
public final class RenderWorkerVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RenderWorkerVerticle.class);

  private final RenderWorkerConfig config;
  private final ThumbnailStore store;
  private final String nodeName = nodeName();
  private HttpClient http;
  private FitsFetcher fetcher;
  private WorkerExecutor renderPool;
  private RenderJobRunner runner;
  private MessageConsumer<JsonObject> consumer;

  public RenderWorkerVerticle(RenderWorkerConfig config, ThumbnailStore store) {
    this.config = config;
    this.store = store;
  }

  @Override
  public Future<?> start() {
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(Math.max(4, config.renderConcurrency() * 2)));
    fetcher = new FitsFetcher(http, config.maxSourceBytes());
    renderPool = vertx.createSharedWorkerExecutor("thumbs-render", config.renderConcurrency(), 10, TimeUnit.MINUTES);
    runner = new RenderJobRunner(config.maxPixels());
    consumer = vertx.eventBus().consumer(Addresses.RENDER, this::onJob);
    return consumer.completion();
  }

  @Override
  public Future<?> stop() {
    var unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered.eventually(() -> {
      if (renderPool != null) {
        renderPool.close();
      }
      return http == null ? Future.succeededFuture() : http.close();
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
    var startNanos = System.nanoTime();
    render(job).onComplete(done -> {
      long ms = (System.nanoTime() - startNanos) / 1_000_000;
      if (done.succeeded()) {
        LOG.info("request={} key={} rendered {}x{} in {} ms stages={}", job.requestId(), job.cacheKey().substring(0, 12),
            done.result().width(), done.result().height(), ms, done.result().stageMillis());
        message.reply(done.result().toJson());
      } else {
        var problem = asProblem(done.cause(), job);
        LOG.info("request={} key={} failed after {} ms: {} {}", job.requestId(), job.cacheKey().substring(0, 12), ms,
            problem.failure(), problem.getMessage());
        message.fail(problem.status(), problem.failure().encode(problem.getMessage()));
      }
    });
  }

  private Future<RenderReply> render(RenderJob job) {
    if (job.color()) {
      return Future.failedFuture(new Problem(Failure.INTERNAL, 501,
          "Colour thumbnails are not available in this version of the service"));
    }
    var stages = new LinkedHashMap<String, Long>();
    var frame = job.frames().get(0);
    long fetchStart = System.nanoTime();
    return fetcher.fetch(frame.url(), Math.min(config.downloadTimeout().toMillis(), remaining(job)))
        .compose(fits -> {
          stages.put("fetch", (System.nanoTime() - fetchStart) / 1_000_000);
          if (remaining(job) <= 0) {
            return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
          }
          return renderPool.executeBlocking(() -> runner.render(fits.getBytes(), job.params()), false);
        })
        .compose(rendered -> {
          stages.putAll(rendered.stageMillis());
          return store(job, rendered, stages);
        });
  }

  /** Stores the JPEG; if the store refuses, the bytes still go back so an image request can be answered. */
  private Future<RenderReply> store(RenderJob job, RenderedJob rendered, Map<String, Long> stages) {
    long putStart = System.nanoTime();
    return store.put(job.cacheKey(), Buffer.buffer(rendered.jpeg()))
        .map(true)
        .otherwise(err -> {
          LOG.warn("request={} store put failed: {}", job.requestId(), err.getClass().getSimpleName());
          return false;
        })
        .map(stored -> {
          stages.put("store", (System.nanoTime() - putStart) / 1_000_000);
          var bytes = job.wantBytes() || !stored ? rendered.jpeg() : null;
          return new RenderReply(job.cacheKey(), rendered.width(), rendered.height(), bytes, stored, stages, nodeName);
        });
  }

  private static long remaining(RenderJob job) {
    return job.deadlineMs() - System.currentTimeMillis();
  }

  private static Problem asProblem(Throwable err, RenderJob job) {
    if (err instanceof Problem p) {
      return p;
    }
    LOG.error("request={} render failed unexpectedly", job.requestId(), err);
    return Failure.INTERNAL.problem();
  }

  private static String nodeName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
    } catch (Exception e) {
      return "worker/" + ProcessHandle.current().pid();
    }
  }
}
