package global.lco.thumbs.archive;

import global.lco.thumbs.archive.routes.Route;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.faults.Fault;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Starting and stopping")
class LifecycleTest {

  @Test
  @DisplayName("Two archives run side by side on one Vert.x, each on its own free port")
  void twoArchives(Vertx vertx) throws Exception {
    var one = SampleArchive.start(vertx, SampleArchiveOptions.forTests()).await(20, TimeUnit.SECONDS);
    var two = SampleArchive.start(vertx, SampleArchiveOptions.forTests()).await(20, TimeUnit.SECONDS);

    assertThat(one.port()).isNotEqualTo(two.port());
    assertThat(one.baseUrl()).isEqualTo("http://127.0.0.1:" + one.port() + "/");
    one.close().await(5, TimeUnit.SECONDS);
    two.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("close() returns promptly and drops a hanging request")
  void closeDropsHangingRequests(Vertx vertx) throws Exception {
    var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests()).await(20, TimeUnit.SECONDS);
    archive.faults().add(Fault.hang(Route.FRAMES));
    var client = WebClient.create(vertx);
    var pending = client.getAbs(archive.baseUrl() + "frames/1001/").send();
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (archive.requests().isEmpty() && System.nanoTime() < waitUntil) {
      Thread.sleep(5); // until the archive holds the request its fault makes hang
    }
    assertThat(archive.requests()).hasSize(1);

    long start = System.nanoTime();
    archive.close().await(5, TimeUnit.SECONDS);

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
    try {
      pending.await(2, TimeUnit.SECONDS);
    } catch (Exception expected) {
      // the dropped connection fails the request; checked below
    }
    assertThat(pending.failed()).isTrue();
    client.close();
  }

  @Test
  @DisplayName("A kept-alive connection idle for the idle timeout is closed")
  void idleConnectionClosed(Vertx vertx) throws Exception {
    var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setIdleTimeout(Duration.ofMillis(500)))
        .await(20, TimeUnit.SECONDS);
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", archive.port()), 5000);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write("GET /health/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();

      // Everything the archive sends until it closes the connection: the answer, then nothing for the idle timeout.
      var received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

      assertThat(received).startsWith("HTTP/1.1 200 ");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(400);
    }
    archive.close().await(5, TimeUnit.SECONDS);
  }
}
