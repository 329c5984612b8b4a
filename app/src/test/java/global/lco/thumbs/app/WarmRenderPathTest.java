package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.gateway.GatewayConfig;
import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.gateway.dispatch.RenderQuarantine;
import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.gateway.warm.FrameWarmer;
import global.lco.thumbs.gateway.warm.WarmResult;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ingest listener does with a frame, without a broker (so it runs where rabbitmq-server is
 * absent): {@link FrameWarmer} against the real single-machine service and sample archive. The
 * broker side is {@link WarmAtIngestTest}'s.
 */
class WarmRenderPathTest {
  @TempDir
  Path dir;

  private ServiceFixture app;
  private Context context;
  private FrameWarmer warmer;

  @BeforeEach
  void start() {
    app = ServiceFixture.start(dir, Map.of());
    var env = new HashMap<String, String>();
    env.put("ARCHIVE_API_URL", app.archive.baseUrl());
    env.put("WARM_THUMBNAILS", "width=200&height=200;width=400&height=300&quality=90");
    var problems = new ArrayList<String>();
    var config = GatewayConfig.fromEnv(new Env(env, problems));
    assertThat(problems).isEmpty();
    context = app.vertx.getOrCreateContext();
    warmer = on(() -> {
      var vertx = app.vertx;
      var metrics = ThumbsMetrics.of(vertx);
      var workers = new WorkerRegistry(vertx);
      workers.start();
      var dispatcher = new RenderDispatcher(vertx.eventBus(), workers, config.renderAttempt(), metrics,
          new RenderQuarantine(vertx, config.quarantine(), metrics));
      return Future.succeededFuture(new FrameWarmer(new ArchiveClient(WebClient.create(vertx), config.archive(), metrics),
          new FrameValidator(config.rules()), app.service.store(), dispatcher, config.warm()));
    });
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** Runs on one event loop, as the listener's verticle does. */
  private <T> T on(Supplier<Future<T>> work) {
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(result));
    return result.future().await();
  }

  private WarmResult warm(long frameId) {
    return on(() -> warmer.warm(frameId));
  }

  private double hits() {
    return new Scrape(new String(app.get("metrics").body())).value("thumbs_cache_lookups_total{result=\"hit\"}");
  }

  @Test
  @DisplayName("A warmed frame's thumbnails are the ones its requests look up: each set is a hit afterwards, with no download")
  void sameKeysAsRequests() {
    assertThat(warm(1001)).isEqualTo(new WarmResult("rendered", 2, 0));
    long downloads = app.archive.downloads().size();
    assertThat(app.get("1001/").statusCode()).isEqualTo(200);
    assertThat(app.get("1001/?width=400&height=300&quality=90&image=true").statusCode()).isEqualTo(200);
    assertThat(hits()).isEqualTo(2);
    assertThat(app.archive.downloads()).hasSize((int) downloads);
    assertThat(warm(1001)).as("again").isEqualTo(new WarmResult("already_stored", 0, 0));
  }

  @Test
  @DisplayName("The frame completing a colour set warms the set's colour thumbnails; any frame of the set then hits")
  void colour() {
    assertThat(warm(1041)).isEqualTo(new WarmResult("rendered", 2, 2));
    assertThat(app.get("1042/?color=true").statusCode()).isEqualTo(200);
    assertThat(hits()).isEqualTo(1);
  }

  @Test
  @DisplayName("Frames that get no thumbnail need no render: a CATALOG frame, a tar bundle, a frame without a version, an unknown id")
  void nothingToDo() {
    assertThat(warm(1021).outcome()).isEqualTo("not_needed");
    assertThat(warm(1023).outcome()).isEqualTo("not_needed");
    assertThat(warm(1025).outcome()).isEqualTo("gone");
    assertThat(warm(987654).outcome()).isEqualTo("gone");
    assertThat(app.archive.downloads()).isEmpty();
  }
}
