package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulShutdownTest {
  @TempDir
  Path dir;

  @Test
  @DisplayName("Stopping the service lets an accepted request finish while new connections are refused")
  void drainsAcceptedRequests() throws Exception {
    var app = ServiceFixture.start(dir, Map.of());
    try {
      app.archive.faults().add(Fault.delay(Route.FRAMES, Duration.ofMillis(1500)).forFrame(1003));
      var http = HttpClient.newHttpClient();
      var inFlight = http.sendAsync(HttpRequest.newBuilder(URI.create(app.base + "1003/?width=64")).build(),
          HttpResponse.BodyHandlers.ofString());
      // The request is now waiting on the slow archive.
      ClusterFixture.await(Duration.ofSeconds(10), () -> app.archive.requests().stream()
          .anyMatch(r -> Long.valueOf(1003).equals(r.frameId())));
      var closing = app.service.close();
      ClusterFixture.await(Duration.ofSeconds(10), () -> refusesConnections(app.base + "health"));
      assertThatThrownBy(() -> HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(app.base + "health")).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      var answer = inFlight.get();
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"url\"");
      closing.await();
    } finally {
      app.vertx.close().await();
    }
  }

  private static boolean refusesConnections(String url) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
      return false;
    } catch (IOException refused) {
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
