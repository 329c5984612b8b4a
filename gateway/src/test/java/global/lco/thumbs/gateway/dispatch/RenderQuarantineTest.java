package global.lco.thumbs.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Quarantine of frames whose renders lost their workers, on a local Vert.x (the map is local there). */
class RenderQuarantineTest {
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ThumbsMetrics metrics = ThumbsMetrics.of(registry);

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("One lost worker quarantines nothing; the second loss quarantines the frames, once")
  void secondLossQuarantines() {
    var quarantine = new RenderQuarantine(vertx, Duration.ofMinutes(5), metrics);
    assertThat(quarantine.recordLoss("1001/1", "worker-a", "r1").await()).isFalse();
    assertThat(quarantine.isQuarantined("1001/1").await()).isFalse();
    assertThat(quarantine.recordLoss("1001/1", "worker-b", "r2").await()).isTrue();
    assertThat(quarantine.isQuarantined("1001/1").await()).isTrue();
    assertThat(quarantine.recordLoss("1001/1", "worker-c", "r3").await()).isTrue();
    assertThat(quarantine.isQuarantined("1001/2").await()).as("another version of the frame").isFalse();
    assertThat(registry.get("thumbs.render.quarantine").tag("event", "quarantined").counter().count()).isEqualTo(1);
    assertThat(registry.get("thumbs.render.quarantine").tag("event", "refused").counter().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("A worker lost holding several jobs of one frame (several sizes) is one loss")
  void oneWorkerIsOneLoss() {
    var quarantine = new RenderQuarantine(vertx, Duration.ofMinutes(5), metrics);
    for (int job = 0; job < 5; job++) {
      assertThat(quarantine.recordLoss("1002/1", "worker-a", "r" + job).await()).isFalse();
    }
    assertThat(quarantine.isQuarantined("1002/1").await()).isFalse();
    assertThat(quarantine.recordLoss("1002/1", "worker-b", "r9").await()).isTrue();
  }

  @Test
  @DisplayName("Losses and quarantine expire after the period; a gateway sharing the map sees them")
  void expiresAndIsShared() throws InterruptedException {
    var period = Duration.ofMillis(400);
    var quarantine = new RenderQuarantine(vertx, period, metrics);
    var otherGateway = new RenderQuarantine(vertx, period, metrics);
    quarantine.recordLoss("7/1", "worker-a", "r1").await();
    assertThat(otherGateway.recordLoss("7/1", "worker-b", "r2").await()).isTrue();
    assertThat(quarantine.isQuarantined("7/1").await()).isTrue();
    Thread.sleep(period.toMillis() + 300); // the expiry itself is what is tested
    assertThat(quarantine.isQuarantined("7/1").await()).isFalse();
    assertThat(quarantine.recordLoss("7/1", "worker-c", "r3").await()).as("a first loss again").isFalse();
  }

  @Test
  @DisplayName("A period of zero turns quarantine off")
  void zeroDisables() {
    var quarantine = new RenderQuarantine(vertx, Duration.ZERO, metrics);
    quarantine.recordLoss("9/1", "worker-a", "r1").await();
    assertThat(quarantine.recordLoss("9/1", "worker-b", "r2").await()).isFalse();
    assertThat(quarantine.isQuarantined("9/1").await()).isFalse();
  }
}
