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
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gateway's dispatcher on a local Vert.x against stand-in workers: event-bus consumers at the
 * workers' addresses that answer each job as a test says (render, refuse as busy, fail, never
 * answer, or leave the cluster mid-render), announced with the real status messages.
 */
class RenderDispatcherTest {
  private static final Duration ATTEMPT = Duration.ofMillis(400);
  private final Vertx vertx = Vertx.vertx();
  private final Context gatewayLoop = vertx.getOrCreateContext();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<String> received = new CopyOnWriteArrayList<>();
  /** What the next jobs get, whichever worker receives them; when empty, a rendered reply. */
  private final Deque<BiConsumer<String, Message<JsonObject>>> answers = new ArrayDeque<>();
  private RenderDispatcher dispatcher;

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private void start(String... nodes) {
    var metrics = ThumbsMetrics.of(registry);
    onGatewayLoop(() -> {
      var workers = new WorkerRegistry(vertx);
      workers.start();
      dispatcher = new RenderDispatcher(vertx.eventBus(), workers, ATTEMPT, metrics,
          new RenderQuarantine(vertx, Duration.ofMinutes(10), metrics));
      return Future.succeededFuture();
    });
    for (var node : nodes) {
      vertx.eventBus().<JsonObject>consumer(Addresses.renderAt(node), message -> {
        var job = RenderJob.fromJson(message.body());
        received.add(node + " " + job.requestId());
        BiConsumer<String, Message<JsonObject>> answer;
        synchronized (answers) {
          answer = answers.isEmpty() ? RenderDispatcherTest::render : answers.poll();
        }
        answer.accept(node, message);
      }).completion().await();
      vertx.eventBus().publish(Addresses.WORKERS, new WorkerStatus(node, 4, 0, false).toJson());
    }
  }

  private static void render(String node, Message<JsonObject> message) {
    var job = RenderJob.fromJson(message.body());
    message.reply(new RenderReply(job.cacheKey(), 10, 10, new byte[] {1}, true, Map.of(), node).toJson());
  }

  private void thenAnswer(BiConsumer<String, Message<JsonObject>> answer) {
    synchronized (answers) {
      answers.add(answer);
    }
  }

  private static BiConsumer<String, Message<JsonObject>> failing(Failure failure) {
    return (node, message) -> message.fail(failure.status(), failure.encode(null));
  }

  private BiConsumer<String, Message<JsonObject>> leavingTheCluster() {
    return (node, message) -> WorkerRegistry.reportMemberLeft(vertx, node);
  }

  private static BiConsumer<String, Message<JsonObject>> silent() {
    return (node, message) -> { };
  }

  @Test
  @DisplayName("A timed-out attempt is retried once on the next worker")
  void retryAfterTimeout() {
    start("worker-a", "worker-b");
    thenAnswer(silent());
    var reply = dispatch(job("r1", "k1", 7));
    assertThat(reply.succeeded()).isTrue();
    assertThat(nodesOf(received)).hasSize(2).doesNotHaveDuplicates();
    assertThat(reply.result().worker()).isEqualTo(nodesOf(received).get(1));
    assertThat(retries("timeout")).isEqualTo(1);
  }

  @Test
  @DisplayName("A busy refusal is retried once on the next worker")
  void retryAfterBusy() {
    start("worker-a", "worker-b");
    thenAnswer(failing(Failure.BUSY));
    assertThat(dispatch(job("r1", "k1", 7)).succeeded()).isTrue();
    assertThat(nodesOf(received)).hasSize(2).doesNotHaveDuplicates();
    assertThat(retries("busy")).isEqualTo(1);
  }

  @Test
  @DisplayName("A worker leaving the cluster mid-render is retried once on the next worker, at once")
  void retryAfterWorkerLoss() {
    start("worker-a", "worker-b");
    thenAnswer(leavingTheCluster());
    long start = System.nanoTime();
    assertThat(dispatch(job("r1", "k1", 7)).succeeded()).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms: not waiting for the attempt timeout")
        .isLessThan(ATTEMPT.toMillis());
    assertThat(nodesOf(received)).hasSize(2).doesNotHaveDuplicates();
    assertThat(retries("worker_lost")).isEqualTo(1);
  }

  @Test
  @DisplayName("A failure another worker would repeat (an unreadable file) is not retried")
  void noRetryAfterNonRetryable() {
    start("worker-a", "worker-b");
    thenAnswer(failing(Failure.UNREADABLE_FITS));
    var reply = dispatch(job("r1", "k1", 7));
    assertThat(problemOf(reply).failure()).isEqualTo(Failure.UNREADABLE_FITS);
    assertThat(received).hasSize(1);
  }

  @Test
  @DisplayName("Two failed attempts end the job: the second failure is the answer")
  void atMostTwoAttempts() {
    start("worker-a", "worker-b", "worker-c");
    thenAnswer(failing(Failure.BUSY));
    thenAnswer(failing(Failure.BUSY));
    var reply = dispatch(job("r1", "k1", 7));
    assertThat(problemOf(reply).failure()).isEqualTo(Failure.BUSY);
    assertThat(received).hasSize(2);
  }

  @Test
  @DisplayName("A deadline already spent is a 504 without asking any worker; one spent during an attempt is not retried")
  void deadline() {
    start("worker-a", "worker-b");
    var spent = new RenderJob("r1", "k1", List.of(frame(7)), RenderParams.defaults(), System.currentTimeMillis() - 1,
        false);
    assertThat(problemOf(dispatch(spent)).failure()).isEqualTo(Failure.UPSTREAM_TIMEOUT);
    assertThat(received).isEmpty();
    thenAnswer(silent());
    var short_ = new RenderJob("r2", "k2", List.of(frame(7)), RenderParams.defaults(),
        System.currentTimeMillis() + ATTEMPT.toMillis() / 2, false);
    assertThat(problemOf(dispatch(short_)).failure()).isEqualTo(Failure.UPSTREAM_TIMEOUT);
    assertThat(received).hasSize(1);
  }

  @Test
  @DisplayName("Identical concurrent jobs on one gateway make one attempt")
  void singleFlight() {
    start("worker-a");
    Promise<Message<JsonObject>> held = Promise.promise();
    thenAnswer((node, message) -> held.complete(message));
    var first = onGatewayLoopAsync(() -> dispatcher.render(job("r1", "same", 7)));
    var second = onGatewayLoopAsync(() -> dispatcher.render(job("r2", "same", 7)));
    render("worker-a", held.future().await());
    assertThat(first.await().cacheKey()).isEqualTo("same");
    assertThat(second.await().cacheKey()).isEqualTo("same");
    assertThat(received).hasSize(1);
  }

  @Test
  @DisplayName("Rendezvous order is fixed by the node ids: the same frame always goes to the same worker, frames spread over all")
  void rendezvousRouting() {
    start("worker-a", "worker-b", "worker-c");
    var firstPass = routeFrames(60);
    received.clear();
    var secondPass = routeFrames(60);
    assertThat(secondPass).isEqualTo(firstPass);
    var perWorker = new HashMap<String, Integer>();
    firstPass.values().forEach(node -> perWorker.merge(node, 1, Integer::sum));
    assertThat(perWorker).containsOnlyKeys("worker-a", "worker-b", "worker-c");
    assertThat(perWorker.values()).allSatisfy(count -> assertThat(count).isBetween(10, 30));
    firstPass.forEach((frame, node) -> assertThat(node)
        .isEqualTo(Rendezvous.choose(List.of("worker-a", "worker-b", "worker-c"), frame + "/v1")));
  }

  @Test
  @DisplayName("A frame whose renders take two workers down is quarantined: 422, then refused without dispatch")
  void queryOfDeath() {
    start("worker-a", "worker-b");
    thenAnswer(leavingTheCluster());
    thenAnswer(leavingTheCluster());
    var first = problemOf(dispatch(job("r1", "key-200", 4242)));
    assertThat(first.failure()).isEqualTo(Failure.QUARANTINED);
    assertThat(first.status()).isEqualTo(422);
    assertThat(nodesOf(received)).containsExactlyInAnyOrder("worker-a", "worker-b");
    // A reload at another size (another cache key, same frame) is refused without a worker being asked.
    assertThat(problemOf(dispatch(job("r2", "key-500", 4242))).failure()).isEqualTo(Failure.QUARANTINED);
    assertThat(received).hasSize(2);
  }

  /** Frame id → the node that rendered it, for frames 1..n (distinct cache keys, fresh request ids). */
  private Map<Long, String> routeFrames(int n) {
    var routes = new HashMap<Long, String>();
    for (long frame = 1; frame <= n; frame++) {
      var reply = dispatch(job("r" + frame + "-" + received.size(), "key" + frame, frame));
      routes.put(frame, reply.result().worker());
    }
    return routes;
  }

  private double retries(String reason) {
    return registry.get("thumbs.dispatch.retries").tag("reason", reason).counter().count();
  }

  private static List<String> nodesOf(List<String> received) {
    return new ArrayList<>(received.stream().map(line -> line.split(" ")[0]).toList());
  }

  private static FrameSource frame(long id) {
    return new FrameSource(id, "v1", "frame-" + id + ".fits.fz", "http://archive.invalid/" + id);
  }

  private static RenderJob job(String requestId, String cacheKey, long frameId) {
    return new RenderJob(requestId, cacheKey, List.of(frame(frameId)), RenderParams.defaults(),
        System.currentTimeMillis() + 30_000, false);
  }

  private Future<RenderReply> dispatch(RenderJob job) {
    var outcome = onGatewayLoopAsync(() -> dispatcher.render(job));
    try {
      outcome.await();
    } catch (RuntimeException failed) {
      // inspected by the caller
    }
    return outcome;
  }

  private static Problem problemOf(Future<RenderReply> outcome) {
    assertThat(outcome.failed()).as("the dispatch failed").isTrue();
    return RenderDispatcher.toProblem(outcome.cause());
  }

  /** Runs on the event loop the dispatcher is confined to. */
  private <T> Future<T> onGatewayLoopAsync(Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    gatewayLoop.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }

  private <T> void onGatewayLoop(Supplier<Future<T>> action) {
    onGatewayLoopAsync(action).await();
  }
}
