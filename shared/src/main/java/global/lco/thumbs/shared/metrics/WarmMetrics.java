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
import java.util.concurrent.atomic.AtomicLong;

/**
 * Meters of warming at ingest ({@code thumbs_warm_*}): the listener's messages, renders, retries,
 * lag, connection and queue depth on gateways, and the warm lane on workers. Tags come from small
 * fixed sets named in code.
 */
public final class WarmMetrics {
  private static final Map<MeterRegistry, WarmMetrics> BY_REGISTRY = Collections.synchronizedMap(new WeakHashMap<>());

  private final MeterRegistry registry;
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicLong queueDepth = new AtomicLong(-1);
  private final AtomicInteger laneRunning = new AtomicInteger();
  private final AtomicInteger laneQueued = new AtomicInteger();
  private boolean listenerGauges;
  private boolean laneGauges;

  private WarmMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the listener's gauges (on gateways that warm), so other nodes do not show a listener "disconnected". */
  public synchronized WarmMetrics listenerGauges() {
    if (!listenerGauges) {
      listenerGauges = true;
      Gauge.builder("thumbs.warm.connected", connected, AtomicInteger::get)
          .description("1 while the ingest listener is connected to its broker and consuming, else 0").register(registry);
      Gauge.builder("thumbs.warm.queue.depth", queueDepth, AtomicLong::get)
          .description("Messages ready in the warm queue, as the broker last said (-1 before it said)").register(registry);
    }
    return this;
  }

  /** Registers the warm lane's gauges (on workers). */
  public synchronized WarmMetrics laneGauges() {
    if (!laneGauges) {
      laneGauges = true;
      Gauge.builder("thumbs.warm.lane.jobs", laneRunning, AtomicInteger::get).tag("state", "running")
          .description("Warm render jobs on this worker, running or waiting for an idle worker").register(registry);
      Gauge.builder("thumbs.warm.lane.jobs", laneQueued, AtomicInteger::get).tag("state", "queued")
          .description("Warm render jobs on this worker, running or waiting for an idle worker").register(registry);
    }
    return this;
  }

  public static WarmMetrics of(Vertx vertx) {
    return of(Metrics.registry(vertx));
  }

  public static WarmMetrics of(MeterRegistry registry) {
    return BY_REGISTRY.computeIfAbsent(registry, WarmMetrics::new);
  }

  /**
   * A message settled: {@code rendered}, {@code already_stored}, {@code not_needed} (not a frame
   * that gets thumbnails), {@code gone} (the archive no longer has it) or {@code dead_lettered}.
   */
  public void message(String outcome) {
    Counter.builder("thumbs.warm.messages").description("Ingest messages settled, by outcome")
        .tag("outcome", outcome).register(registry).increment();
  }

  /** A thumbnail rendered ahead of any request: {@code kind} mono or colour. */
  public void render(String kind) {
    Counter.builder("thumbs.warm.renders").description("Thumbnails rendered by warming, mono or colour")
        .tag("kind", kind).register(registry).increment();
  }

  /** A message's work is tried again after a transient failure ({@code reason}: a failure code, lower case). */
  public void retry(String reason) {
    Counter.builder("thumbs.warm.retries").description("Warm attempts retried after a transient failure")
        .tag("reason", reason).register(registry).increment();
  }

  /** Age of a message when it was settled (from its timestamp, or from its first delivery here). */
  public void lag(long millis) {
    Timer.builder("thumbs.warm.lag").description("Age of an ingest message when it was settled")
        .publishPercentiles(0.5, 0.9, 0.99).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(6))
        .register(registry).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  public void connected(boolean yes) {
    connected.set(yes ? 1 : 0);
  }

  public void queueDepth(long messages) {
    queueDepth.set(messages);
  }

  /** Warm jobs running on this worker; the worker's admission sets it. */
  public AtomicInteger laneRunning() {
    return laneRunning;
  }

  /** Warm jobs waiting on this worker for an idle render slot. */
  public AtomicInteger laneQueued() {
    return laneQueued;
  }
}
