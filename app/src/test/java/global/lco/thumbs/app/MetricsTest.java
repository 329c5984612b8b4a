package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's /metrics, scraped before and after real requests: every test reads differences, never totals. */
class MetricsTest {
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    app = ServiceFixture.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Scrape scrape() {
    var response = app.get("metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    return new Scrape(new String(response.body(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("A first request for a thumbnail counts one cache miss, a second for the same one counts one hit")
  void missThenHit() {
    var before = scrape();
    assertThat(app.get("1001/?width=120&height=120").statusCode()).isEqualTo(200);
    var afterMiss = scrape();
    assertThat(app.get("1001/?width=120&height=120").statusCode()).isEqualTo(200);
    var afterHit = scrape();

    assertThat(afterMiss.value("thumbs_cache_lookups_total{result=\"miss\"}")
        - before.value("thumbs_cache_lookups_total{result=\"miss\"}")).isEqualTo(1);
    assertThat(afterMiss.value("thumbs_cache_lookups_total{result=\"hit\"}"))
        .isEqualTo(before.value("thumbs_cache_lookups_total{result=\"hit\"}"));
    assertThat(afterHit.value("thumbs_cache_lookups_total{result=\"hit\"}")
        - afterMiss.value("thumbs_cache_lookups_total{result=\"hit\"}")).isEqualTo(1);
    assertThat(afterHit.value("thumbs_cache_lookups_total{result=\"miss\"}"))
        .isEqualTo(afterMiss.value("thumbs_cache_lookups_total{result=\"miss\"}"));
  }

  @Test
  @DisplayName("Requests are counted by route and status class")
  void requestsByRouteAndStatus() {
    var before = scrape();
    assertThat(app.get("1002/?width=90").statusCode()).isEqualTo(200);
    assertThat(app.get("1002/?width=0").statusCode()).isEqualTo(400);
    var after = scrape();
    assertThat(after.value("thumbs_requests_total{route=\"frame\",status=\"2xx\"}")
        - before.value("thumbs_requests_total{route=\"frame\",status=\"2xx\"}")).isEqualTo(1);
    assertThat(after.value("thumbs_requests_total{route=\"frame\",status=\"4xx\"}")
        - before.value("thumbs_requests_total{route=\"frame\",status=\"4xx\"}")).isEqualTo(1);
  }

  @Test
  @DisplayName("A render records each pipeline stage, the whole render, the archive lookup and the store write")
  void renderIsTimedPerStage() {
    var before = scrape();
    assertThat(app.get("1003/?width=80&height=80").statusCode()).isEqualTo(200);
    var after = scrape();
    for (var stage : new String[] {"fetch", "decode", "encode", "store"}) {
      var series = "thumbs_render_stage_seconds_count{stage=\"" + stage + "\"}";
      assertThat(after.value(series) - before.value(series)).as(stage).isEqualTo(1);
    }
    assertThat(after.value("thumbs_render_duration_seconds_count{outcome=\"ok\"}")
        - before.value("thumbs_render_duration_seconds_count{outcome=\"ok\"}")).isEqualTo(1);
    assertThat(after.value("thumbs_archive_calls_seconds_count{op=\"frame\",outcome=\"ok\"}")
        - before.value("thumbs_archive_calls_seconds_count{op=\"frame\",outcome=\"ok\"}")).isEqualTo(1);
    assertThat(after.value("thumbs_store_calls_seconds_count{op=\"put\",outcome=\"ok\"}")
        - before.value("thumbs_store_calls_seconds_count{op=\"put\",outcome=\"ok\"}")).isEqualTo(1);
    assertThat(after.has("thumbs_render_stage_seconds_bucket")).as("stage histograms have buckets").isTrue();
  }

  @Test
  @DisplayName("Vert.x's own HTTP server, event-bus and pool meters are exposed next to ours")
  void vertxMetersExposed() {
    var scrape = scrape();
    assertThat(scrape.has("vertx_http_server_requests_total")).isTrue();
    assertThat(scrape.has("vertx_eventbus_handlers")).isTrue();
    assertThat(scrape.has("vertx_pool_ratio")).isTrue();
    assertThat(scrape.has("thumbs_renders_in_flight")).isTrue();
  }

  @Test
  @DisplayName("No series carries a frame id, a cache key, a token or a signature")
  void tagsStayFromFixedSets() {
    app.get("1001/?width=70", "Authorization", "Token sample-token-proposal");
    var text = scrape().text();
    assertThat(text).doesNotContain("sample-token").doesNotContain("signature")
        .doesNotContainPattern("=\"[^\"]*1001[^\"]*\"").doesNotContainPattern("[0-9a-f]{64}");
  }
}
