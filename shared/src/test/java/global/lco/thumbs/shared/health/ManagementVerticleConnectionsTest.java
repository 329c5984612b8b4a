package global.lco.thumbs.shared.health;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.http.ConnectionLimits;
import global.lco.thumbs.shared.http.RawConnection;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The management port keeps connections like the gateway's: idle ones and slow request heads are closed. */
class ManagementVerticleConnectionsTest {
  static final Duration HEADER_TIMEOUT = Duration.ofMillis(300);
  static final Duration IDLE_TIMEOUT = Duration.ofMillis(600);
  static Vertx vertx;
  static ManagementVerticle server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    var config = new ManagementConfig("127.0.0.1", 0, new ConnectionLimits(HEADER_TIMEOUT, IDLE_TIMEOUT, 100));
    server = new ManagementVerticle(config, () -> Future.succeededFuture(new Readiness(true, new JsonObject())));
    vertx.deployVerticle(server).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("A kept-alive connection is closed once it has been idle for the idle timeout")
  void idleConnectionClosed() {
    try (var connection = RawConnection.open(server.port())) {
      assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
      var end = connection.awaitEnd();
      assertThat(end.received()).isEmpty();
      assertThat(end.after()).isGreaterThanOrEqualTo(IDLE_TIMEOUT.minusMillis(100));
    }
  }

  @Test
  @DisplayName("A request head not complete within the header timeout is answered 408 in JSON, and the connection closed")
  void slowHeadClosed() {
    try (var connection = RawConnection.open(server.port())) {
      var end = connection.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n").awaitEnd();
      assertThat(end.received()).startsWith("HTTP/1.1 408 ").endsWith("{\"message\":\"Request timeout\"}");
    }
  }
}
