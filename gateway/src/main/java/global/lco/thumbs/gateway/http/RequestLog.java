package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request (request id, route, status, ms, hit/miss, worker), written when the
 * response ends, and the same facts counted in {@code thumbs_requests} / {@code thumbs_cache_lookups}.
 * Never logs headers, query strings or the URLs handed out: they can carry secrets. Probes and
 * scrapes ({@link #QUIET_ROUTES}) log at DEBUG so they do not drown the requests people make.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("thumbs.requests");
  private static final String KEY = "thumbs.requestLog";
  static final Set<String> QUIET_ROUTES = Set.of("health", "ready", "metrics");

  private final String requestId;
  private final ThumbsMetrics metrics;
  private final long startNanos = System.nanoTime();
  private String route = "other";
  private String cache = "-";
  private String worker = "-";
  private String failure = "";

  private RequestLog(String requestId, ThumbsMetrics metrics) {
    this.requestId = requestId;
    this.metrics = metrics;
  }

  /** The request's log, created on first use; the request id is also sent back as X-Request-Id. */
  static RequestLog of(RoutingContext ctx) {
    RequestLog log = ctx.get(KEY);
    if (log == null) {
      log = new RequestLog(UUID.randomUUID().toString().substring(0, 8), ThumbsMetrics.of(ctx.vertx()));
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
    metrics.cache(hit);
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
    long nanos = System.nanoTime() - startNanos;
    int status = ctx.response().getStatusCode();
    metrics.request(route, status, nanos);
    boolean quiet = QUIET_ROUTES.contains(route) && status < 500;
    if (quiet && !LOG.isDebugEnabled()) {
      return;
    }
    var line = "request={} route={} status={} ms={} cache={} worker={}{}";
    Object[] facts = {requestId, route, status, nanos / 1_000_000, cache, worker, failure.isEmpty() ? "" : " failure=" + failure};
    if (quiet) {
      LOG.debug(line, facts);
    } else {
      LOG.info(line, facts);
    }
  }
}
