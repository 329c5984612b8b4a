package global.lco.thumbs.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.contract.WorkerStatus;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against workers whose node leaves the cluster while they render a job (the event
 * the cluster's membership listener reports), on a local Vert.x: a query of death costs two workers,
 * then the frame is refused without being dispatched.
 */
class QuarantineDispatchTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context gatewayLoop = vertx.getOrCreateContext();
  private final List<String> jobsSeen = new CopyOnWriteArrayList<>();
  private RenderDispatcher dispatcher;

  @BeforeEach
  void start() {
    var metrics = ThumbsMetrics.of(new SimpleMeterRegistry());
    onGatewayLoop(() -> {
      var registry = new WorkerRegistry(vertx);
      registry.start();
      dispatcher = new RenderDispatcher(vertx.eventBus(), registry, Duration.ofSeconds(20), metrics,
          new RenderQuarantine(vertx, Duration.ofMinutes(10), metrics));
      return Future.succeededFuture();
    });
    for (var node : List.of("worker-a", "worker-b")) {
      // A worker that dies with every job it is given: its node leaves the cluster mid-render.
      vertx.eventBus().<JsonObject>consumer(Addresses.renderAt(node), job -> {
        jobsSeen.add(node + " " + RenderJob.fromJson(job.body()).cacheKey());
        WorkerRegistry.reportMemberLeft(vertx, node);
      }).completion().await();
      vertx.eventBus().publish(Addresses.WORKERS, new WorkerStatus(node, 4, 0, false).toJson());
    }
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("A job that takes its worker down is retried once; the second loss answers 422 and quarantines the frame")
  void queryOfDeathCostsTwoWorkers() {
    var first = failureOf(job("request-1", "key-200"));
    assertThat(first.failure()).isEqualTo(Failure.QUARANTINED);
    assertThat(first.status()).isEqualTo(422);
    assertThat(jobsSeen).hasSize(2).anyMatch(s -> s.startsWith("worker-a")).anyMatch(s -> s.startsWith("worker-b"));

    // A reload at another size (another cache key, same frame) is refused without a worker being asked.
    var reload = failureOf(job("request-2", "key-500"));
    assertThat(reload.failure()).isEqualTo(Failure.QUARANTINED);
    assertThat(jobsSeen).hasSize(2);
  }

  private Problem failureOf(RenderJob job) {
    var outcome = onGatewayLoop(() -> dispatcher.render(job));
    assertThat(outcome.failed()).as("outcome of " + job.requestId()).isTrue();
    return RenderDispatcher.toProblem(outcome.cause());
  }

  private static RenderJob job(String requestId, String cacheKey) {
    var frame = new FrameSource(4242, "v1", "poison-e91.fits.fz", "http://archive.invalid/poison");
    return new RenderJob(requestId, cacheKey, List.of(frame), RenderParams.defaults(),
        System.currentTimeMillis() + 30_000, false);
  }

  /** Runs on the event loop the dispatcher is confined to and waits for the outcome. */
  private <T> Future<T> onGatewayLoop(Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    gatewayLoop.runOnContext(v -> action.get().onComplete(done));
    try {
      done.future().await();
    } catch (RuntimeException failedOutcome) {
      // inspected by the caller
    }
    return done.future();
  }
}
