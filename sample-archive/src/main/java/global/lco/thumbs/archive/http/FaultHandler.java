package global.lco.thumbs.archive.http;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import global.lco.thumbs.archive.faults.Faults;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Second handler of every archive request: takes the armed delivery fault that matches (if any)
 * and acts before the route handler runs. Faults that bend the body are left in the routing
 * context for {@link Replies} to apply to whatever answer the route computes.
 */
public final class FaultHandler implements Handler<RoutingContext> {
  public static final String BODY_FAULT = "sample-archive.body-fault";
  private final Faults faults;

  public FaultHandler(Faults faults) {
    this.faults = faults;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Route route = ctx.get(RequestRecorder.ROUTE);
    Long frameId = ctx.get(RequestRecorder.FRAME_ID);
    var taken = faults.take(route, frameId);
    if (taken.isEmpty()) {
      ctx.next();
      return;
    }
    var fault = taken.get();
    long delayMs = fault.delay().toMillis();
    if (delayMs <= 0) {
      apply(ctx, fault);
      return;
    }
    ctx.vertx().setTimer(delayMs, id -> {
      if (!ctx.response().closed()) {
        apply(ctx, fault);
      }
    });
  }

  private static void apply(RoutingContext ctx, Fault fault) {
    switch (fault.mode()) {
      case DELAY -> ctx.next();
      case HANG -> {
        // Say nothing; the client's timeout or the server's shutdown ends it.
      }
      case STATUS -> Replies.send(ctx, FaultReplies.status(fault));
      case TRICKLE, RESET, TRUNCATE, CORRUPT -> {
        ctx.put(BODY_FAULT, fault);
        ctx.next();
      }
      case EXPIRED, COUNT -> ctx.next();
    }
  }
}
