package global.lco.thumbs.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.Match;
import io.vertx.micrometer.MatchType;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.impl.MicrometerMetrics;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Prometheus metrics of one Vert.x instance: Vert.x's own HTTP, event-bus and pool meters, the JVM's,
 * and ours ({@link ThumbsMetrics}), all in one registry per instance so several nodes in one JVM
 * (tests) never mix their numbers.
 */
public final class Metrics {
  /** What Prometheus expects of a text scrape. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Stands in where a Vert.x instance runs without metrics: meters registered there are dropped. */
  private static final MeterRegistry NONE = new CompositeMeterRegistry();

  private Metrics() {
  }

  /**
   * Turns metrics on in {@code options} with a registry of its own. Labels stay from small fixed
   * sets: no paths, no remote addresses, and the per-node render addresses folded into one.
   */
  public static VertxOptions enable(VertxOptions options) {
    var labels = EnumSet.of(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME,
        Label.EB_ADDRESS, Label.EB_SIDE, Label.EB_FAILURE);
    return options.setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setRegistryName("thumbs-" + UUID.randomUUID())
        .setJvmMetricsEnabled(true)
        .setLabels(labels)
        // Each worker also listens on its own address (thumbs.render.v1.<node id>): one series, not one per node ever seen.
        .addLabelMatch(new Match().setDomain(MetricsDomain.EVENT_BUS).setLabel(Label.EB_ADDRESS.toString())
            .setType(MatchType.REGEX).setValue("thumbs\\.render\\.v1\\..+").setAlias("thumbs.render.v1.node"))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
  }

  /** The instance's registry, or one that drops everything when the instance runs without metrics. */
  public static MeterRegistry registry(Vertx vertx) {
    return prometheus(vertx).<MeterRegistry>map(r -> r).orElse(NONE);
  }

  /**
   * The instance's Prometheus registry, if it has one. Vert.x keeps it behind its metrics SPI; this
   * is the one place that reaches in, so every verticle finds its own node's registry from its
   * {@code vertx} alone.
   */
  public static Optional<PrometheusMeterRegistry> prometheus(Vertx vertx) {
    if (vertx instanceof VertxInternal internal && internal.metrics() instanceof MicrometerMetrics micrometer
        && micrometer.registry() instanceof PrometheusMeterRegistry prometheus) {
      return Optional.of(prometheus);
    }
    return Optional.empty();
  }

  /** The Prometheus text exposition of the instance's meters; empty when it runs without metrics. */
  public static String scrape(Vertx vertx) {
    return prometheus(vertx).map(PrometheusMeterRegistry::scrape).orElse("");
  }
}
