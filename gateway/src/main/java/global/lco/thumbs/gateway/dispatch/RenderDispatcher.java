package global.lco.thumbs.gateway.dispatch;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.contract.WorkerStatus;
import global.lco.thumbs.shared.concurrency.SingleFlight;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends render jobs to workers (request/reply) and gets them done within the request's deadline:
 * <ul>
 *   <li>concurrent identical jobs on this gateway share one render;</li>
 *   <li>the worker is chosen by rendezvous hashing of the frames, so every gateway sends a frame to
 *       the same worker (which folds identical jobs from all gateways into one render);</li>
 *   <li>each attempt has its own timeout taken from the deadline; a timeout, a busy refusal or the
 *       worker's loss is retried once on the next worker (render jobs are idempotent);</li>
 *   <li>no worker at all is a 503 at once;</li>
 *   <li>frames whose renders took two workers down are not dispatched for a while
 *       ({@link RenderQuarantine}).</li>
 * </ul>
 * Confined to the gateway's event loop.
 */
public final class RenderDispatcher {
  static final int MAX_ATTEMPTS = 2;

  private final EventBus bus;
  private final WorkerRegistry workers;
  private final Duration attemptTimeout;
  private final ThumbsMetrics metrics;
  private final RenderQuarantine quarantine;
  private final SingleFlight<String, RenderReply> inFlight = new SingleFlight<>();
  private final Map<String, Set<Promise<RenderReply>>> waitingOn = new HashMap<>();

  public RenderDispatcher(EventBus bus, WorkerRegistry workers, Duration attemptTimeout, ThumbsMetrics metrics,
                          RenderQuarantine quarantine) {
    this.bus = bus;
    this.workers = workers;
    this.attemptTimeout = attemptTimeout;
    this.metrics = metrics;
    this.quarantine = quarantine;
    workers.onLoss(this::failAttemptsOn);
  }

  public Future<RenderReply> render(RenderJob job) {
    // A warm job and a request for one key do not share a flight here: the request must not wait for
    // an idle slot. On the worker they meet again and render once.
    var flight = job.warm() ? "warm:" + job.cacheKey() : job.cacheKey();
    var running = inFlight.running(flight);
    if (running != null) {
      metrics.singleFlightWait("gateway");
      return running;
    }
    return inFlight.start(flight, () -> quarantine.isQuarantined(Rendezvous.routingKey(job))
        .compose(quarantined -> quarantined ? Future.failedFuture(Failure.QUARANTINED.problem())
            : attempt(job, 1, new HashSet<>())));
  }

  private Future<RenderReply> attempt(RenderJob job, int number, Set<String> tried) {
    long remaining = job.remainingMs();
    if (remaining <= 0) {
      return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
    }
    var worker = workers.candidates(Rendezvous.routingKey(job), tried).stream().findFirst().orElse(null);
    if (worker == null && tried.isEmpty() && !workers.awaitingFirstAnnouncements()) {
      // Sending to the shared address now would wait out the attempt timeout whenever the cluster
      // still lists a dead worker's consumer on it (a killed node's registrations outlive it).
      return Future.failedFuture(Failure.NO_WORKERS.problem());
    }
    var address = worker == null ? Addresses.RENDER : worker.address();
    // A warm job may wait on its worker for an idle render slot: its whole deadline is its attempt (a
    // worker that leaves still fails it at once, see watched).
    long timeout = job.warm() ? remaining : Math.min(remaining, attemptTimeout.toMillis());
    var options = new DeliveryOptions().setSendTimeout(timeout).addHeader("requestId", job.requestId());
    var sent = bus.<JsonObject>request(address, job.toJson(), options)
        .map(message -> RenderReply.fromJson(message.body()));
    var outcome = worker == null ? sent : watched(worker, sent);
    return outcome.recover(err -> {
      if (err instanceof WorkerLost lost) {
        return quarantine.recordLoss(Rendezvous.routingKey(job), lost.nodeId, job.requestId())
            .compose(quarantined -> quarantined ? Future.failedFuture(Failure.QUARANTINED.problem())
                : retryOrFail(job, number, tried, worker, err));
      }
      return retryOrFail(job, number, tried, worker, err);
    });
  }

  private Future<RenderReply> retryOrFail(RenderJob job, int number, Set<String> tried, WorkerStatus worker,
                                          Throwable err) {
    var retry = number < MAX_ATTEMPTS && retryable(err, worker) && job.deadlineMs() > System.currentTimeMillis();
    if (!retry) {
      return Future.failedFuture(toProblem(err));
    }
    if (worker != null) {
      tried.add(worker.nodeId());
    }
    metrics.dispatchRetry(retryReason(err));
    return attempt(job, number + 1, tried);
  }

  /** The attempt's outcome, failed early with {@link WorkerLost} if its worker leaves the cluster meanwhile. */
  private Future<RenderReply> watched(WorkerStatus worker, Future<RenderReply> sent) {
    Promise<RenderReply> outcome = Promise.promise();
    var waiting = waitingOn.computeIfAbsent(worker.nodeId(), id -> new HashSet<>());
    waiting.add(outcome);
    sent.onComplete(done -> {
      waiting.remove(outcome);
      if (waiting.isEmpty()) {
        waitingOn.remove(worker.nodeId());
      }
      if (done.succeeded()) {
        outcome.tryComplete(done.result());
      } else {
        outcome.tryFail(done.cause());
      }
    });
    return outcome.future();
  }

  private void failAttemptsOn(String nodeId) {
    var waiting = waitingOn.remove(nodeId);
    if (waiting != null) {
      Set.copyOf(waiting).forEach(p -> p.tryFail(new WorkerLost(nodeId)));
    }
  }

  private static boolean retryable(Throwable err, WorkerStatus worker) {
    if (err instanceof WorkerLost) {
      return true;
    }
    if (err instanceof ReplyException re) {
      return switch (re.failureType()) {
        case TIMEOUT -> true;
        // A chosen worker with no consumer has just left; with no worker chosen there is no one to ask.
        case NO_HANDLERS -> worker != null;
        case RECIPIENT_FAILURE, ERROR -> Problem.decode(re.failureCode(), re.getMessage()).failure().retryable();
      };
    }
    return false;
  }

  /** Why an attempt is retried, as a {@code thumbs_dispatch_retries} tag: timeout, no_handlers, worker_lost or a failure code. */
  static String retryReason(Throwable err) {
    if (err instanceof WorkerLost) {
      return "worker_lost";
    }
    if (err instanceof ReplyException re && re.failureType() != ReplyFailure.RECIPIENT_FAILURE
        && re.failureType() != ReplyFailure.ERROR) {
      return re.failureType().name().toLowerCase(Locale.ROOT);
    }
    return toProblem(err).failure().name().toLowerCase(Locale.ROOT);
  }

  static Problem toProblem(Throwable err) {
    if (err instanceof Problem p) {
      return p;
    }
    if (err instanceof WorkerLost) {
      return Failure.NO_WORKERS.problem();
    }
    if (err instanceof ReplyException re) {
      return switch (re.failureType()) {
        case TIMEOUT -> Failure.UPSTREAM_TIMEOUT.problem();
        case NO_HANDLERS -> Failure.NO_WORKERS.problem();
        case RECIPIENT_FAILURE, ERROR -> Problem.decode(re.failureCode(), re.getMessage());
      };
    }
    return Failure.INTERNAL.problem();
  }

  /** The worker an attempt was waiting on left the cluster. */
  static final class WorkerLost extends RuntimeException {
    final String nodeId;

    WorkerLost(String nodeId) {
      super("worker " + nodeId + " left", null, false, false);
      this.nodeId = nodeId;
    }
  }
}
