package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's {@code prometheus}, installed by .ci/run) scrapes a clustered gateway
 * and a render worker's management port on loopback; its own HTTP API says what it got.
 */
class PrometheusScrapeTest {
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

  @TempDir
  Path dir;

  @Test
  @DisplayName("Prometheus scrapes a gateway and a worker: both targets are up and thumbs_ series arrive")
  void prometheusScrapesBothNodes() throws Exception {
    assumeTrue(Files.isExecutable(PROMETHEUS), PROMETHEUS + " is absent (apt-get install prometheus); "
        + "MetricsTest and ReadinessTest cover the /metrics text itself");
    try (var cluster = new ClusterFixture(dir)) {
      var worker = WorkerNodes.start(cluster);
      var gateway = URI.create(cluster.gateway());
      int port = freePort();
      var config = dir.resolve("prometheus.yml");
      Files.writeString(config, """
          global:
            scrape_interval: 1s
            scrape_timeout: 1s
          scrape_configs:
            - job_name: gateway
              static_configs:
                - targets: ["127.0.0.1:%d"]
            - job_name: render-worker
              static_configs:
                - targets: ["127.0.0.1:%d"]
          """.formatted(gateway.getPort(), worker.management().port()));
      var process = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      try {
        var api = "http://127.0.0.1:" + port + "/api/v1/query?query=";
        ClusterFixture.await(Duration.ofSeconds(60), () -> upTargets(api) == 2 && thumbsSeries(api, "render-worker") > 0
            && thumbsSeries(api, "gateway") > 0);
        assertThat(upTargets(api)).isEqualTo(2);
      } finally {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  /** How many targets have up == 1 (0 while Prometheus is still starting). */
  private static int upTargets(String api) {
    var result = query(api, "up == 1");
    return result == null ? 0 : result.size();
  }

  private static int thumbsSeries(String api, String job) {
    var result = query(api, "count({__name__=~\"thumbs_.+\",job=\"" + job + "\"})");
    return result == null || result.isEmpty() ? 0 : Integer.parseInt(result.getJsonObject(0).getJsonArray("value").getString(1));
  }

  private static JsonArray query(String api, String promql) {
    try {
      var response = ClusterFixture.get(api + URLEncoder.encode(promql, StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        return null;
      }
      return new JsonObject(new String(response.body(), StandardCharsets.UTF_8)).getJsonObject("data").getJsonArray("result");
    } catch (UncheckedIOException notYetListening) {
      return null;
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
