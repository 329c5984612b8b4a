package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.http.RawConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that never finish a request, against the real service on loopback: half-open and
 * trickling connections are closed at the header timeout while other clients are served, and a
 * kept-alive connection lives until the idle timeout, not the header timeout.
 */
class SlowClientsTest {
  static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
  /** Far above either timeout, so a loaded machine never fails a test that would pass. */
  static final Duration GENEROUS = Duration.ofSeconds(30);
  static final String HALF_REQUEST = "GET /4150221/?width=100 HTTP/1.1\r\nHost: 127.0.0.1\r\n";

  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    app = ServiceFixture.start(dir, Map.of(
        "HTTP_HEADER_TIMEOUT_MS", Long.toString(HEADER_TIMEOUT.toMillis()),
        "HTTP_IDLE_TIMEOUT_MS", Long.toString(IDLE_TIMEOUT.toMillis())));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("300 half-open and 20 trickling connections are closed at the header timeout (408 in JSON) while normal requests are answered")
  void halfOpenAndTricklingClosed() throws Exception {
    var before = scrape();
    var halfOpen = new ArrayList<RawConnection>();
    var trickling = new ArrayList<Trickler>();
    var trickler = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < 300; i++) {
        halfOpen.add(RawConnection.open(app.service.port()).send(HALF_REQUEST));
      }
      for (int i = 0; i < 20; i++) {
        trickling.add(new Trickler(RawConnection.open(app.service.port())));
      }
      trickler.scheduleAtFixedRate(() -> trickling.forEach(Trickler::sendNextByte), 0, 100, TimeUnit.MILLISECONDS);

      for (int i = 0; i < 5; i++) {
        assertThat(app.get("1001/?width=100").statusCode()).as("a normal request among the slow clients").isEqualTo(200);
      }

      for (var connection : halfOpen) {
        var end = connection.awaitEnd();
        assertThat(end.received()).startsWith("HTTP/1.1 408 Request Timeout\r\n").contains("Content-Type: application/json")
            .endsWith("\r\n\r\n{\"message\":\"Request timeout\"}");
        assertThat(end.after()).isBetween(HEADER_TIMEOUT.minusMillis(100), GENEROUS);
      }
      for (var client : trickling) {
        // A 408 may be lost to the reset of a byte the trickler sent as the server closed: the end is what counts.
        assertThat(client.connection.awaitEnd().after()).isBetween(HEADER_TIMEOUT.minusMillis(100), GENEROUS);
      }
    } finally {
      trickler.shutdownNow();
      halfOpen.forEach(RawConnection::close);
      trickling.forEach(client -> client.connection.close());
    }
    var after = scrape();
    var timeouts = "thumbs_http_connections_timeouts_total{timeout=\"header\"}";
    assertThat(after.value(timeouts) - before.value(timeouts)).isGreaterThanOrEqualTo(320);
  }

  @Test
  @DisplayName("A kept-alive connection is closed once idle for the idle timeout, not at the header timeout")
  void idleKeptAliveConnectionClosed() {
    try (var connection = RawConnection.open(app.service.port())) {
      assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
      var end = connection.awaitEnd();
      assertThat(end.received()).isEmpty();
      assertThat(end.after()).isBetween(IDLE_TIMEOUT.minusMillis(500), GENEROUS);
    }
  }

  @Test
  @DisplayName("A kept-alive connection quiet for longer than the header timeout still takes its next request")
  void quietKeptAliveConnectionServed() throws InterruptedException {
    try (var connection = RawConnection.open(app.service.port())) {
      assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
      Thread.sleep(HEADER_TIMEOUT.multipliedBy(2).toMillis());
      assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("On a kept-alive connection the header timeout runs again for each request, from its first byte")
  void secondRequestTrickledClosed() throws InterruptedException {
    try (var connection = RawConnection.open(app.service.port())) {
      assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
      var second = RawConnection.get("/health").substring(0, 20);
      for (int i = 0; i < second.length() && connection.trickle(second.charAt(i)); i++) {
        Thread.sleep(200);
      }
      var end = connection.awaitEnd();
      assertThat(end.after()).isBetween(HEADER_TIMEOUT.minusMillis(100), GENEROUS);
    }
  }

  /** A client sending a request line and headers that never end, one byte at a time. */
  private static final class Trickler {
    static final String ENDLESS_HEAD = HALF_REQUEST + "X-Slow: ";
    final RawConnection connection;
    int sent;

    Trickler(RawConnection connection) {
      this.connection = connection;
    }

    void sendNextByte() {
      connection.trickle(sent < ENDLESS_HEAD.length() ? ENDLESS_HEAD.charAt(sent) : 'a');
      sent++;
    }
  }

  private static Scrape scrape() {
    var answer = RawHttp.get(app.service.port(), "/metrics");
    assertThat(answer.status()).isEqualTo(200);
    return new Scrape(answer.body());
  }
}
