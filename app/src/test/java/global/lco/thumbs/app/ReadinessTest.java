package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health and /ready of clustered gateways and workers, as a load balancer or orchestrator probes them. */
class ReadinessTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("A gateway's /ready turns 503 when the last render worker leaves the cluster, while /health stays 200")
  void gatewayNotReadyWithoutWorkers() {
    try (var cluster = new ClusterFixture(dir)) {
      var worker = WorkerNodes.start(cluster);
      var gateway = cluster.gateway();
      ClusterFixture.await(Duration.ofSeconds(10), () -> ClusterFixture.get(gateway + "ready").statusCode() == 200);
      var ready = new JsonObject(new String(ClusterFixture.get(gateway + "ready").body()));
      assertThat(ready.getString("status")).isEqualTo("READY");
      assertThat(ready.getBoolean("cluster")).isTrue();
      assertThat(ready.getBoolean("store")).isTrue();

      worker.node().close().await();

      ClusterFixture.await(Duration.ofSeconds(15), () -> ClusterFixture.get(gateway + "ready").statusCode() == 503);
      var notReady = ClusterFixture.get(gateway + "ready");
      assertThat(new JsonObject(new String(notReady.body())).getInteger("workers")).isZero();
      assertThat(notReady.headers().firstValue("Retry-After")).isPresent();
      assertThat(ClusterFixture.get(gateway + "health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("A worker's management port answers /health and /ready, and /ready turns 503 once the worker is leaving")
  void workerNotReadyWhileLeaving() {
    try (var cluster = new ClusterFixture(dir)) {
      var worker = WorkerNodes.start(cluster);
      assertThat(ClusterFixture.get(worker.managementUrl() + "health").statusCode()).isEqualTo(200);
      var ready = ClusterFixture.get(worker.managementUrl() + "ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(new String(ready.body())).getBoolean("accepting")).isTrue();

      worker.node().vertx().undeploy(worker.deploymentId()).await();

      var leaving = ClusterFixture.get(worker.managementUrl() + "ready");
      assertThat(leaving.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(new String(leaving.body())).getBoolean("accepting")).isFalse();
    }
  }

  @Test
  @DisplayName("A worker's management port serves Prometheus text with its render meters")
  void workerServesMetrics() {
    try (var cluster = new ClusterFixture(dir)) {
      var worker = WorkerNodes.start(cluster);
      var metrics = ClusterFixture.get(worker.managementUrl() + "metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(new Scrape(new String(metrics.body())).has("thumbs_renders_in_flight")).isTrue();
      assertThat(new Scrape(new String(metrics.body())).has("vertx_eventbus_handlers")).isTrue();
    }
  }
}
