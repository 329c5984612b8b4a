package global.lco.thumbs.gateway.render;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderReply;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends render jobs to workers over the event bus (request/reply) and folds concurrent identical
 * jobs into one: callers asking for a key already being rendered share its reply. Runs on one
 * event loop, so the in-flight map needs no locking.
 */
public final class RenderDispatcher {
  private final EventBus bus;
  private final Map<String, Future<RenderReply>> inFlight = new HashMap<>();

  public RenderDispatcher(EventBus bus) {
    this.bus = bus;
  }

  public Future<RenderReply> render(RenderJob job) {
    var running = inFlight.get(job.cacheKey());
    if (running != null) {
      return running;
    }
    var reply = send(job);
    inFlight.put(job.cacheKey(), reply);
    reply.onComplete(done -> inFlight.remove(job.cacheKey()));
    return reply;
  }

  private Future<RenderReply> send(RenderJob job) {
    long remaining = job.deadlineMs() - System.currentTimeMillis();
    if (remaining <= 0) {
      return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
    }
    var options = new DeliveryOptions().setSendTimeout(remaining).addHeader("requestId", job.requestId());
    return bus.<JsonObject>request(Addresses.RENDER, job.toJson(), options)
        .map(message -> RenderReply.fromJson(message.body()))
        .recover(err -> Future.failedFuture(toProblem(err)));
  }

  static Problem toProblem(Throwable err) {
    if (err instanceof Problem p) {
      return p;
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
}
