package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.http.RawConnection;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP_MAX_CONNECTIONS on the real service: the connection over the cap is closed unanswered, and room comes back. */
class ConnectionCapTest {
  static final int CAP = 4;

  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    app = ServiceFixture.start(dir, Map.of("HTTP_MAX_CONNECTIONS", Integer.toString(CAP)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("With the cap reached a new connection is closed before any answer and counted; once one closes, a new one is served")
  void capRefusesThenRecovers() throws InterruptedException {
    var held = new ArrayList<RawConnection>();
    try {
      for (int i = 0; i < CAP; i++) {
        var connection = RawConnection.open(app.service.port());
        held.add(connection);
        assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
      }

      try (var overCap = RawConnection.open(app.service.port())) {
        assertThat(overCap.awaitEnd().received()).as("nothing is answered over the cap").isEmpty();
      }

      held.removeFirst().close();
      var admitted = admitted();
      held.add(admitted);
      var scrape = new Scrape(admitted.send(RawConnection.get("/metrics")).answer().body());
      assertThat(scrape.value("thumbs_http_connections_refused_total")).isGreaterThanOrEqualTo(1);
      assertThat(scrape.value("thumbs_http_connections_open")).isEqualTo(CAP);
    } finally {
      held.forEach(RawConnection::close);
    }
  }

  /** A connection the service kept: the one closed a moment ago may not have been counted out yet. */
  private RawConnection admitted() throws InterruptedException {
    for (int attempt = 0; attempt < 200; attempt++) {
      var connection = RawConnection.open(app.service.port());
      try {
        assertThat(connection.send(RawConnection.get("/health")).answer().status()).isEqualTo(200);
        return connection;
      } catch (IllegalStateException | UncheckedIOException refused) {
        connection.close();
        Thread.sleep(50);
      }
    }
    throw new AssertionError("no connection was admitted in 10 s after one closed");
  }
}
