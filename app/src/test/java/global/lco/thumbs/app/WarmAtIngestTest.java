package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.archive.broker.LocalBroker;
import global.lco.thumbs.archive.recording.RecordedRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warming at ingest against a real broker (Debian's rabbitmq-server, private to this class): the
 * sample archive announces frames as the LCO archive does (fanout, persistent JSON with
 * {@code frameid}), the single-machine service's listener renders their thumbnails, and a request
 * afterwards finds them stored. Each test has its own exchange and queues.
 */
class WarmAtIngestTest {
  private static LocalBroker broker;

  @TempDir
  static Path brokerDir;

  @TempDir
  Path dir;

  private final String queue = "warm-" + UUID.randomUUID();
  private final String exchange = "archived-" + UUID.randomUUID();

  @BeforeAll
  static void startBroker() {
    var unavailable = LocalBroker.unavailable();
    if (unavailable != null) {
      System.out.println("skip: WarmAtIngestTest: " + unavailable);
    }
    assumeTrue(unavailable == null, unavailable);
    broker = LocalBroker.start(brokerDir);
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  /** A service whose listener consumes its own exchange, and an archive that announces on it. */
  private ServiceFixture service(Map<String, String> extra) {
    var env = new HashMap<String, String>();
    env.put("WARM_BROKER_URL", broker.url());
    env.put("WARM_EXCHANGE", exchange);
    env.put("WARM_QUEUE", queue);
    env.put("WARM_RETRY_MS", "50");
    env.putAll(extra);
    var app = ServiceFixture.start(dir, env, SampleArchiveOptions.forTests().setBrokerUrl(broker.url()).setExchange(exchange));
    ClusterFixture.await(Duration.ofSeconds(10), () -> warmState(app).equals("connected"), () -> warmState(app));
    return app;
  }

  private static String warmState(ServiceFixture app) {
    return new JsonObject(new String(app.get("ready").body())).getString("warm", "absent");
  }

  private static long downloadsOf(ServiceFixture app, long frameId) {
    return app.archive.downloads().stream().filter(r -> Long.valueOf(frameId).equals(r.frameId())).count();
  }

  private static double metric(ServiceFixture app, String series) {
    return new Scrape(new String(app.get("metrics").body())).value(series);
  }

  @Test
  @DisplayName("Each set of WARM_THUMBNAILS of an ingested frame is stored, and the request for it is then a hit with no download")
  void ingestedFrameIsWarmed() {
    try (var app = service(Map.of("WARM_THUMBNAILS", "width=200&height=200;width=500&height=500&label=M%20101"))) {
      app.archive.ingest(1001).await();
      ClusterFixture.await(Duration.ofSeconds(30), () -> app.storedThumbnails() == 2);
      ClusterFixture.await(Duration.ofSeconds(5),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}") == 1);
      assertThat(downloadsOf(app, 1001)).as("one download for both sizes").isEqualTo(1);

      assertThat(app.get("1001/?width=200&height=200").statusCode()).isEqualTo(200);
      assertThat(app.get("1001/?height=500&width=0500&label=M+101").statusCode()).isEqualTo(200);
      assertThat(metric(app, "thumbs_cache_lookups_total{result=\"hit\"}")).isEqualTo(2);
      assertThat(downloadsOf(app, 1001)).as("the requests rendered nothing").isEqualTo(1);
      assertThat(app.storedThumbnails()).isEqualTo(2);
      assertThat(metric(app, "thumbs_warm_renders_total{kind=\"mono\"}")).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("The frame that completes a colour set warms the colour thumbnail too; a request for any frame of the set then hits")
  void colourSetIsWarmed() {
    try (var app = service(Map.of())) {
      app.archive.ingest(1032).await();
      ClusterFixture.await(Duration.ofSeconds(30),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}") == 1);
      assertThat(metric(app, "thumbs_warm_renders_total{kind=\"colour\"}")).isEqualTo(1);
      long downloads = app.archive.downloads().size();

      assertThat(app.get("1030/?color=true").statusCode()).isEqualTo(200);
      assertThat(metric(app, "thumbs_cache_lookups_total{result=\"hit\"}")).isEqualTo(1);
      assertThat(app.archive.downloads()).hasSize((int) downloads);
    }
  }

  @Test
  @DisplayName("Duplicate announcements of a frame render it once; a frame that gets no thumbnail is acknowledged as not needed")
  void duplicatesRenderOnce() {
    try (var app = service(Map.of("WARM_COLOUR", "false"))) {
      for (int i = 0; i < 3; i++) {
        app.archive.ingest(1003).await();
      }
      app.archive.ingest(1021).await(); // a CATALOG frame
      ClusterFixture.await(Duration.ofSeconds(30), () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}")
          + metric(app, "thumbs_warm_messages_total{outcome=\"already_stored\"}") == 3);
      assertThat(metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}")).isEqualTo(1);
      assertThat(metric(app, "thumbs_warm_renders_total{kind=\"mono\"}")).isEqualTo(1);
      ClusterFixture.await(Duration.ofSeconds(5),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"not_needed\"}") == 1);
      assertThat(downloadsOf(app, 1003)).isEqualTo(1);
      assertThat(app.storedThumbnails()).isEqualTo(1);
      assertThat(app.archive.requests(Route.FRAMES).stream().map(RecordedRequest::authorization).distinct())
          .as("no token configured: anonymous archive calls").containsOnly(false);
    }
  }

  @Test
  @DisplayName("A proprietary frame is warmed with the service token, and still refused to a caller the archive refuses")
  void proprietaryFrameStaysProprietary() {
    try (var app = service(Map.of("WARM_ARCHIVE_TOKEN", "sample-token-proposal", "WARM_COLOUR", "false"))) {
      app.archive.ingest(1010).await();
      ClusterFixture.await(Duration.ofSeconds(30),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}") == 1);
      assertThat(app.archive.requests(Route.FRAMES)).allSatisfy(r -> assertThat(r.authorization()).isTrue());
      assertThat(app.get("1010/").statusCode()).as("anonymous").isEqualTo(404);
      assertThat(app.get("1010/", "Authorization", "Token sample-token-other").statusCode()).isEqualTo(404);
      assertThat(app.get("1010/", "Authorization", "Token sample-token-proposal").statusCode()).isEqualTo(200);
      assertThat(metric(app, "thumbs_cache_lookups_total{result=\"hit\"}")).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("Unparseable and unrenderable messages go to the dead-letter queue with their reason, and the listener carries on")
  void poisonIsDeadLettered() {
    try (var app = service(Map.of("WARM_COLOUR", "false")); var probe = new BrokerProbe(app.vertx, broker.url())) {
      probe.publish(exchange, "this is not JSON");
      probe.publish(exchange, "{\"id\": 1001}");
      app.archive.ingest(1026).await(); // named .fits.fz, but an HTML error page
      app.archive.ingest(1003).await();
      ClusterFixture.await(Duration.ofSeconds(30), () -> probe.count(queue + ".dead") == 3, () -> "dead letters: "
          + probe.count(queue + ".dead"));
      ClusterFixture.await(Duration.ofSeconds(10),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}") == 1);
      var reasons = new ArrayList<String>();
      for (int i = 0; i < 3; i++) {
        var letter = probe.take(queue + ".dead");
        reasons.add(String.valueOf(letter.properties().getHeaders().get("x-thumbs-reason")));
      }
      assertThat(reasons).anyMatch(r -> r.startsWith("unparseable: body is not a JSON object"))
          .anyMatch(r -> r.startsWith("unparseable: no frameid"))
          .anyMatch(r -> r.startsWith("unreadable_fits"));
      assertThat(metric(app, "thumbs_warm_messages_total{outcome=\"dead_lettered\"}")).isEqualTo(3);
      assertThat(probe.count(queue)).isZero();
    }
  }

  @Test
  @DisplayName("An archive error is retried with backoff; one that keeps failing is dead-lettered after WARM_MAX_ATTEMPTS")
  void transientFailuresAreRetried() {
    try (var app = service(Map.of("WARM_COLOUR", "false", "WARM_MAX_ATTEMPTS", "3"));
         var probe = new BrokerProbe(app.vertx, broker.url())) {
      app.archive.faults().add(Fault.status(Route.FRAMES, 502).forFrame(1003).times(2));
      app.archive.faults().add(Fault.status(Route.FRAMES, 503).forFrame(1002));
      app.archive.ingest(1003).await();
      app.archive.ingest(1002).await();
      ClusterFixture.await(Duration.ofSeconds(30), () -> probe.count(queue + ".dead") == 1);
      ClusterFixture.await(Duration.ofSeconds(10),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}") == 1);
      var letter = probe.take(queue + ".dead");
      assertThat(letter.properties().getHeaders().get("x-thumbs-reason").toString())
          .startsWith("gave up after 3 attempts: upstream_error");
      assertThat(new JsonObject(letter.body()).getLong("frameid")).isEqualTo(1002);
      assertThat(metric(app, "thumbs_warm_retries_total{reason=\"upstream_error\"}")).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("A broker restart mid-stream loses nothing: the listener reconnects by itself, /ready says when it is away")
  void brokerRestartLosesNothing() {
    var frames = List.of(1001L, 1002L, 1003L, 1022L, 1030L, 1031L, 1032L, 1040L, 1041L, 1042L);
    try (var app = service(Map.of("WARM_COLOUR", "false", "WARM_PREFETCH", "2"))) {
      for (var frame : frames.subList(0, 6)) {
        app.archive.ingest(frame).await();
      }
      broker.stop();
      ClusterFixture.await(Duration.ofSeconds(5), () -> warmState(app).equals("disconnected"));
      assertThat(metric(app, "thumbs_warm_connected")).isZero();
      assertThat(app.get("ready").statusCode()).as("requests are still served").isEqualTo(200);
      broker.start();
      ClusterFixture.await(Duration.ofSeconds(30), () -> warmState(app).equals("connected"));
      for (var frame : frames.subList(6, frames.size())) {
        app.archive.ingest(frame).await();
      }
      ClusterFixture.await(Duration.ofSeconds(60), () -> app.storedThumbnails() == frames.size(),
          () -> "stored " + app.storedThumbnails());
      for (var frame : frames) {
        assertThat(app.get(frame + "/").statusCode()).isEqualTo(200);
      }
      assertThat(metric(app, "thumbs_cache_lookups_total{result=\"hit\"}")).isEqualTo(frames.size());
    }
  }

  @Test
  @DisplayName("The sample archive's ingest endpoint publishes as the archive does: the record plus frameid and filename, persistent JSON")
  void archiveAnnouncement() throws Exception {
    try (var app = service(Map.of("WARM_COLOUR", "false")); var probe = new BrokerProbe(app.vertx, broker.url())) {
      var tap = "tap-" + UUID.randomUUID();
      probe.bind(tap, exchange);
      var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(app.archive.baseUrl() + "_control/frames/1001/ingest"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(202);
      assertThat(new JsonObject(answer.body())).isEqualTo(new JsonObject().put("frameid", 1001).put("exchange", exchange));

      ClusterFixture.await(Duration.ofSeconds(5), () -> probe.count(tap) == 1);
      var message = probe.take(tap);
      assertThat(message.properties().getDeliveryMode()).as("persistent").isEqualTo(2);
      assertThat(message.properties().getContentType()).isEqualTo("application/json");
      var body = new JsonObject(message.body());
      assertThat(body.getLong("frameid")).isEqualTo(1001);
      assertThat(body.getString("filename")).isEqualTo("tfn0m414-kb29-20160625-0060-e91.fits.fz");
      assertThat(body.getString("basename")).isEqualTo("tfn0m414-kb29-20160625-0060-e91");
      assertThat(body.getString("configuration_type")).isEqualTo("EXPOSE");
      ClusterFixture.await(Duration.ofSeconds(30),
          () -> metric(app, "thumbs_warm_messages_total{outcome=\"rendered\"}") == 1);
    }
  }

  @Test
  @DisplayName("Two clustered gateways share the queue: each announcement is warmed once, in the warm lane of a clustered worker")
  void clusteredGatewaysShareTheQueue() {
    var archiveOptions = SampleArchiveOptions.forTests().setBrokerUrl(broker.url()).setExchange(exchange);
    try (var cluster = new ClusterFixture(dir, archiveOptions)) {
      var worker = WorkerNodes.start(cluster);
      var warmEnv = Map.of("WARM_BROKER_URL", broker.url(), "WARM_EXCHANGE", exchange, "WARM_QUEUE", queue,
          "WARM_COLOUR", "false", "WARM_PREFETCH", "1");
      var gateways = List.of(cluster.gateway(warmEnv), cluster.gateway(warmEnv));
      for (var gateway : gateways) {
        ClusterFixture.await(Duration.ofSeconds(15), () -> ClusterFixture.get(gateway + "ready").statusCode() == 200
            && new JsonObject(new String(ClusterFixture.get(gateway + "ready").body())).getString("warm").equals("connected"));
      }
      var frames = List.of(1001L, 1002L, 1003L, 1022L, 1030L, 1031L);
      for (var frame : frames) {
        cluster.archive.ingest(frame).await();
      }
      var warmed = new ArrayList<Double>();
      ClusterFixture.await(Duration.ofSeconds(60), () -> {
        warmed.clear();
        gateways.forEach(g -> warmed.add(new Scrape(new String(ClusterFixture.get(g + "metrics").body()))
            .value("thumbs_warm_messages_total{outcome=\"rendered\"}")));
        return warmed.stream().mapToDouble(Double::doubleValue).sum() == frames.size();
      }, () -> "rendered per gateway: " + warmed);
      assertThat(cluster.archive.downloads()).as("one download per frame").hasSize(frames.size());
      var workerMetrics = new Scrape(new String(ClusterFixture.get(worker.managementUrl() + "metrics").body()));
      assertThat(workerMetrics.value("thumbs_render_duration_seconds_count{outcome=\"ok\"}")).isEqualTo(frames.size());
      assertThat(workerMetrics.has("thumbs_warm_lane_jobs")).isTrue();
      for (var frame : frames) {
        assertThat(ClusterFixture.get(gateways.get(0) + frame + "/").statusCode()).isEqualTo(200);
      }
    }
  }
}
