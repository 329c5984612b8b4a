package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which jobs a worker takes: at most {@code capacity} distinct jobs at once (rendering plus queued),
 * the rest refused at once as busy, because the event bus would otherwise buffer them and then
 * silently drop them; an identical job joins the one running (single flight); nothing new once the
 * worker is leaving, and {@link #drained} says when the last running job is done.
 *
 * <p>Confined to the worker's event loop, except {@link #leaving()}, which the readiness check
 * reads from the management port's.
 */
public final class JobAdmission {
  private final int capacity;
  private final ThumbsMetrics metrics;
  private final SingleFlight<String, RenderReply> running = new SingleFlight<>();
  private volatile boolean leaving;
  private Promise<Void> drained;

  public JobAdmission(int capacity, ThumbsMetrics metrics) {
    this.capacity = capacity;
    this.metrics = metrics;
  }

  /**
   * The render this job joins, or the one {@code execute} starts for it; null when the worker must
   * refuse it (full, or leaving).
   */
  public Future<RenderReply> admit(RenderJob job, Function<RenderJob, Future<RenderReply>> execute) {
    var same = running.running(job.cacheKey());
    if (same != null) {
      metrics.singleFlightWait("worker");
      return same;
    }
    if (leaving || running.size() >= capacity) {
      metrics.admissionRefused(leaving ? "leaving" : "busy");
      return null;
    }
    metrics.rendersInFlight().incrementAndGet();
    var render = running.start(job.cacheKey(), () -> execute.apply(job));
    render.onComplete(done -> {
      metrics.rendersInFlight().decrementAndGet();
      if (drained != null && running.isEmpty()) {
        drained.tryComplete();
      }
    });
    return render;
  }

  /** Takes no new job from now on. */
  public void leave() {
    leaving = true;
  }

  /** Safe from any thread. */
  public boolean leaving() {
    return leaving;
  }

  public int running() {
    return running.size();
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
