package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.metrics.WarmMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which jobs a worker takes: at most {@code capacity} distinct user jobs at once (rendering plus
 * queued), the rest refused at once as busy, because the event bus would otherwise buffer them and
 * then silently drop them; an identical job joins the one running (single flight); nothing new once
 * the worker is leaving, and {@link #drained} says when the last running job is done.
 *
 * <p>Warm jobs go to a {@link WarmLane} of their own: they start only while no user job is
 * admitted, never count against the user capacity, and a user job never waits for one (a user job
 * for a key still queued in the warm lane starts at once and takes the warm job along). A warm job
 * that has downloaded its file waits at {@link #usersIdle()} before it renders.
 *
 * <p>Confined to the worker's event loop, except {@link #leaving()}, which the readiness check
 * reads from the management port's.
 */
public final class JobAdmission {
  private final int capacity;
  private final ThumbsMetrics metrics;
  private final SingleFlight<String, RenderReply> running = new SingleFlight<>();
  private final WarmLane warm;
  private int userJobs;
  private volatile boolean leaving;
  private Promise<Void> drained;
  private final List<Promise<Void>> idleWaiters = new ArrayList<>();

  /** A worker without warm slots: every warm job is refused as busy. */
  public JobAdmission(int capacity, ThumbsMetrics metrics) {
    this(capacity, 1, WarmLane.Limits.NONE, metrics, null);
  }

  /**
   * @param capacity    user jobs admitted at once (rendering plus queued)
   * @param renderSlots renders that run at once ({@code RENDER_CONCURRENCY}); warm jobs only use those user jobs leave idle
   * @param warmLimits  warm jobs running and queued at most
   */
  public JobAdmission(int capacity, int renderSlots, WarmLane.Limits warmLimits, ThumbsMetrics metrics,
                      WarmMetrics warmMetrics) {
    this.capacity = capacity;
    this.metrics = metrics;
    this.warm = new WarmLane(warmLimits, renderSlots, running, warmMetrics, render -> started(render, () -> { }));
  }

  /**
   * The render this job joins, or the one {@code execute} starts (or, for a warm job, queues) for
   * it; null when the worker must refuse it (full, or leaving).
   */
  public Future<RenderReply> admit(RenderJob job, Function<RenderJob, Future<RenderReply>> execute) {
    var same = running.running(job.cacheKey());
    if (same != null) {
      metrics.singleFlightWait("worker");
      return same;
    }
    if (job.warm()) {
      var queued = leaving ? null : warm.offer(job, execute, userJobs);
      if (queued == null) {
        metrics.admissionRefused(leaving ? "leaving" : "warm_busy");
      }
      return queued;
    }
    if (leaving || userJobs >= capacity) {
      metrics.admissionRefused(leaving ? "leaving" : "busy");
      return null;
    }
    userJobs++;
    var render = started(running.start(job.cacheKey(), () -> execute.apply(job)), () -> userJobs--);
    warm.handOver(job.cacheKey(), render);
    return render;
  }

  /** Counts a render that began; when it ends, {@code ended} runs, then the warm lane looks for an idle slot. */
  private Future<RenderReply> started(Future<RenderReply> render, Runnable ended) {
    metrics.rendersInFlight().incrementAndGet();
    render.onComplete(done -> {
      ended.run();
      metrics.rendersInFlight().decrementAndGet();
      if (drained != null && running.isEmpty()) {
        drained.tryComplete();
      }
      if (userJobs == 0 && !idleWaiters.isEmpty()) {
        var waiters = List.copyOf(idleWaiters);
        idleWaiters.clear();
        waiters.forEach(Promise::tryComplete);
      }
      warm.pump(userJobs);
    });
    return render;
  }

  /**
   * Completes as soon as no user job is admitted (at once if none is): where a warm job waits
   * between its download and its render, so a user job that arrived meanwhile goes first.
   */
  public Future<Void> usersIdle() {
    if (userJobs == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> idle = Promise.promise();
    idleWaiters.add(idle);
    return idle.future();
  }

  /** Takes no new job from now on; warm jobs still waiting are refused so their gateways go elsewhere. */
  public void leave() {
    leaving = true;
    warm.refuseQueued();
  }

  /** Safe from any thread. */
  public boolean leaving() {
    return leaving;
  }

  /** Renders running or queued, both lanes (what a drain waits for). */
  public int running() {
    return running.size();
  }

  /** User jobs admitted now: what the gateways weigh against {@link #capacity()}. */
  public int userJobs() {
    return userJobs;
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Completes when no admitted job is running any more, or fails after {@code timeout}; call after
   * {@link #leave()}.
   */
  public Future<Void> drained(Duration timeout) {
    if (running.isEmpty()) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    return drained.future().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
  }
}
