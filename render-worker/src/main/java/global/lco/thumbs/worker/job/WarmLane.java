package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.metrics.WarmMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The worker's low-priority lane for warm jobs (docs/warming.md). A warm job waits here, first
 * come first served, until the worker is idle: no user job admitted, and fewer than
 * {@link Limits#running} warm jobs (and render slots) busy. Jobs of one key share one render with
 * each other and with user jobs ({@link #handOver}). Part of {@link JobAdmission}, confined to the
 * worker's event loop.
 */
public final class WarmLane {
  /**
   * @param running warm jobs rendering at once on this worker ({@code WARM_CONCURRENCY})
   * @param queued  warm jobs waiting for a slot; one more is refused as busy ({@code WARM_QUEUE_LENGTH})
   */
  public record Limits(int running, int queued) {
    public static final Limits NONE = new Limits(0, 0);
  }

  private record Waiting(RenderJob job, Function<RenderJob, Future<RenderReply>> execute, Promise<RenderReply> reply) {
  }

  private final Limits limits;
  private final int renderSlots;
  private final SingleFlight<String, RenderReply> running;
  private final WarmMetrics metrics;
  private final UnaryOperator<Future<RenderReply>> started;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private final Map<String, Waiting> queuedByKey = new HashMap<>();
  private int warmRunning;

  WarmLane(Limits limits, int renderSlots, SingleFlight<String, RenderReply> running, WarmMetrics metrics,
           UnaryOperator<Future<RenderReply>> started) {
    this.limits = limits;
    this.renderSlots = renderSlots;
    this.running = running;
    this.metrics = metrics;
    this.started = started;
  }

  /** The reply this warm job will get (queued, or joined to one queued for its key); null when the lane is full. */
  Future<RenderReply> offer(RenderJob job, Function<RenderJob, Future<RenderReply>> execute, int userJobs) {
    if (limits.running() == 0) {
      return null; // WARM_CONCURRENCY=0: this worker takes no warm jobs at all
    }
    var same = queuedByKey.get(job.cacheKey());
    if (same != null) {
      return same.reply().future();
    }
    if (queue.size() >= limits.queued() && !idleSlot(userJobs)) {
      return null;
    }
    var waiting = new Waiting(job, execute, Promise.promise());
    queue.addLast(waiting);
    queuedByKey.put(job.cacheKey(), waiting);
    gauges();
    pump(userJobs);
    return waiting.reply().future();
  }

  /** A user job started for {@code key}: a warm job queued for it gets that render instead of waiting. */
  void handOver(String key, Future<RenderReply> userRender) {
    var waiting = queuedByKey.remove(key);
    if (waiting != null) {
      queue.remove(waiting);
      gauges();
      userRender.onComplete(waiting.reply());
    }
  }

  /** Starts queued warm jobs while render slots are idle. */
  void pump(int userJobs) {
    while (!queue.isEmpty() && idleSlot(userJobs)) {
      var next = queue.pollFirst();
      queuedByKey.remove(next.job().cacheKey());
      if (next.job().deadlineMs() <= System.currentTimeMillis()) {
        next.reply().fail(Failure.UPSTREAM_TIMEOUT.problem("The warm job waited past its deadline"));
        continue;
      }
      var same = running.running(next.job().cacheKey());
      if (same != null) {
        same.onComplete(next.reply());
        continue;
      }
      warmRunning++;
      var render = running.start(next.job().cacheKey(), () -> next.execute().apply(next.job()));
      // Freed before the admission's own end handler pumps again, so that pump sees the slot.
      render.onComplete(done -> warmRunning--);
      started.apply(render).onComplete(next.reply());
    }
    gauges();
  }

  /** The worker is leaving: warm jobs not started yet are refused, so their gateways send them elsewhere. */
  void refuseQueued() {
    queue.forEach(w -> w.reply().fail(Failure.BUSY.problem()));
    queue.clear();
    queuedByKey.clear();
    gauges();
  }

  /**
   * A warm job may start only while no user job is admitted: every render spreads its pixel work
   * over all of the worker's render threads, so a render slot left free by one user job is no idle
   * CPU, and a warm render beside it would slow it down.
   */
  private boolean idleSlot(int userJobs) {
    return warmRunning < limits.running() && userJobs == 0 && warmRunning < renderSlots;
  }

  private void gauges() {
    if (metrics != null) {
      metrics.laneRunning().set(warmRunning);
      metrics.laneQueued().set(queue.size());
    }
  }
}
