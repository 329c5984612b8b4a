package global.lco.thumbs.shared.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The service's own meters, all named {@code thumbs_*}. Every tag value comes from a small fixed
 * set chosen in code (routes, status classes, stages, outcomes): never frame ids, keys, URLs or
 * tokens. One instance per registry, shared by the verticles of a node.
 */
public final class ThumbsMetrics {
  private static final Map<MeterRegistry, ThumbsMetrics> BY_REGISTRY = Collections.synchronizedMap(new WeakHashMap<>());
  private static final double[] PERCENTILES = {0.5, 0.9, 0.99};
  private static final Pattern STAGE = Pattern.compile("[a-z_]{1,24}");

  private final MeterRegistry registry;
  private final AtomicInteger rendersInFlight = new AtomicInteger();
  private final AtomicInteger httpConnectionsOpen = new AtomicInteger();

  private ThumbsMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("thumbs.renders.in.flight", rendersInFlight, AtomicInteger::get)
        .description("Renders admitted on this worker and not finished (running or queued)")
        .register(registry);
    Gauge.builder("thumbs.http.connections.open", httpConnectionsOpen, AtomicInteger::get)
        .description("Connections open on this node's HTTP server (gateway port or management port)")
        .register(registry);
  }

  /** The meters of {@code vertx}'s registry (dropped when it runs without metrics). */
  public static ThumbsMetrics of(Vertx vertx) {
    return of(Metrics.registry(vertx));
  }

  public static ThumbsMetrics of(MeterRegistry registry) {
    return BY_REGISTRY.computeIfAbsent(registry, ThumbsMetrics::new);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** One finished HTTP request at the gateway; {@code status} is folded into its class (2xx…). */
  public void request(String route, int status, long nanos) {
    var statusClass = status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    Counter.builder("thumbs.requests").description("HTTP requests answered, by route and status class")
        .tags("route", route, "status", statusClass).register(registry).increment();
    Timer.builder("thumbs.request.duration").description("Time to answer an HTTP request")
        .tags("route", route, "status", statusClass)
        .publishPercentiles(PERCENTILES).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A thumbnail store lookup at the gateway: hit (already rendered) or miss. */
  public void cache(boolean hit) {
    Counter.builder("thumbs.cache.lookups").description("Thumbnail store lookups by the gateway, hit or miss")
        .tag("result", hit ? "hit" : "miss").register(registry).increment();
  }

  /** How long one pipeline stage of one render took. */
  public void renderStage(String stage, long millis) {
    // Stage names come from the pipeline's code; the guard keeps a future dynamic name from exploding the series.
    if (!STAGE.matcher(stage).matches()) {
      stage = "other";
    }
    histogram("thumbs.render.stage", "Time spent in one render pipeline stage")
        .tag("stage", stage).register(registry).record(millis, TimeUnit.MILLISECONDS);
  }

  /** A whole render on a worker; {@code outcome} is {@code ok} or a failure code name. */
  public void render(String outcome, long nanos) {
    histogram("thumbs.render.duration", "Time from admission to the render's end on a worker")
        .tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** An archive API call: {@code op} (frame, frames) and its outcome (ok, not_found, refused, error, timeout). */
  public void archiveCall(String op, String outcome, long nanos) {
    histogram("thumbs.archive.calls", "Archive API calls by operation and outcome")
        .tags("op", op, "outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A thumbnail store call: {@code op} (exists, put, get, url), outcome ok or error. */
  public void storeCall(String op, boolean ok, long nanos) {
    histogram("thumbs.store.calls", "Thumbnail store calls by operation and outcome")
        .tags("op", op, "outcome", ok ? "ok" : "error").register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Renders admitted on this node and not finished; the worker adds and removes. */
  public AtomicInteger rendersInFlight() {
    return rendersInFlight;
  }

  /** Connections open on this node's HTTP server; the server's connection guard adds and removes. */
  public AtomicInteger httpConnectionsOpen() {
    return httpConnectionsOpen;
  }

  /** A connection closed as soon as it was accepted, because the server already had its maximum open. */
  public void httpConnectionRefused() {
    Counter.builder("thumbs.http.connections.refused").description("Connections closed on accept: the server had its maximum open")
        .register(registry).increment();
  }

  /** A connection closed by its server's clock: {@code header} (request head too slow) or {@code idle}. */
  public void httpConnectionTimedOut(String timeout) {
    Counter.builder("thumbs.http.connections.timeouts").description("Connections closed for a request head too slow or for idleness")
        .tag("timeout", timeout).register(registry).increment();
  }

  /** A worker turned a job away: {@code busy} (full) or {@code leaving}. */
  public void admissionRefused(String reason) {
    Counter.builder("thumbs.admission.refusals").description("Render jobs a worker refused at once")
        .tag("reason", reason).register(registry).increment();
  }

  /** The gateway sent a job again to another worker after {@code reason} (timeout, busy, worker_lost, no_handlers). */
  public void dispatchRetry(String reason) {
    Counter.builder("thumbs.dispatch.retries").description("Render attempts retried on another worker")
        .tag("reason", reason).register(registry).increment();
  }

  /** A job joined an identical one already running, at the {@code gateway} or on a {@code worker}. */
  public void singleFlightWait(String side) {
    Counter.builder("thumbs.singleflight.waits").description("Jobs that joined an identical render in flight")
        .tag("side", side).register(registry).increment();
  }

  /**
   * A gateway {@code quarantined} frames whose renders took two workers down, or {@code refused} a
   * request for quarantined frames without dispatching it.
   */
  public void quarantine(String event) {
    Counter.builder("thumbs.render.quarantine").description("Frames quarantined after killing workers, and requests refused for them")
        .tag("event", event).register(registry).increment();
  }

  private static Timer.Builder histogram(String name, String description) {
    return Timer.builder(name).description(description)
        .publishPercentiles(PERCENTILES)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(120));
  }
}
