package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.contract.Problem;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request (request id, route, status, ms, hit/miss, worker), written when the
 * response ends. Never logs headers, query strings or the URLs handed out: they can carry secrets.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("thumbs.requests");
  private static final String KEY = "thumbs.requestLog";

  private final String requestId;
  private final long startNanos = System.nanoTime();
  private String route = "other";
  private String cache = "-";
  private String worker = "-";
  private String failure = "";

  private RequestLog(String requestId) {
    this.requestId = requestId;
  }

  /** The request's log, created on first use; the request id is also sent back as X-Request-Id. */
  static RequestLog of(RoutingContext ctx) {
    RequestLog log = ctx.get(KEY);
    if (log == null) {
      log = new RequestLog(UUID.randomUUID().toString().substring(0, 8));
      ctx.put(KEY, log);
      ctx.response().putHeader("X-Request-Id", log.requestId);
      var finalLog = log;
      ctx.addEndHandler(done -> finalLog.write(ctx));
    }
    return log;
  }

  String requestId() {
    return requestId;
  }

  RequestLog route(String route) {
    this.route = route;
    return this;
  }

  RequestLog hit(boolean hit) {
    this.cache = hit ? "hit" : "miss";
    return this;
  }

  RequestLog worker(String worker) {
    this.worker = worker == null || worker.isEmpty() ? "-" : worker;
    return this;
  }

  RequestLog failed(Throwable err) {
    if (err instanceof Problem p) {
      failure = p.failure().name();
    } else {
      failure = "BUG";
      LOG.error("request {} failed unexpectedly", requestId, err);
    }
    return this;
  }

  private void write(RoutingContext ctx) {
    long ms = (System.nanoTime() - startNanos) / 1_000_000;
    LOG.info("request={} route={} status={} ms={} cache={} worker={}{}", requestId, route,
        ctx.response().getStatusCode(), ms, cache, worker, failure.isEmpty() ? "" : " failure=" + failure);
  }
}
