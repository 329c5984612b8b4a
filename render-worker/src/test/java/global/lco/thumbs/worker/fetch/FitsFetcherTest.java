package global.lco.thumbs.worker.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The download's byte cap and timeout against a real HTTP server on loopback that misbehaves on purpose. */
class FitsFetcherTest {
  private static final long CAP = 100_000;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicLong bytesSent = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);
  private HttpServer server;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private String serve(Consumer<HttpServerRequest> handler) {
    server = vertx.createHttpServer().connectionHandler(c -> c.closeHandler(v -> closed.countDown()))
        .requestHandler(handler::accept).listen(0, "127.0.0.1").await();
    return "http://127.0.0.1:" + server.actualPort() + "/file.fits";
  }

  private byte[] fetch(String url, long timeoutMs) {
    return new FitsFetcher(vertx.createHttpClient(), CAP).fetch(url, timeoutMs).await();
  }

  @Test
  @DisplayName("A body within the cap is returned whole")
  void withinCap() {
    var url = serve(req -> req.response().end(Buffer.buffer(new byte[(int) CAP])));
    assertThat(fetch(url, 5000)).hasSize((int) CAP);
  }

  @Test
  @DisplayName("A chunked body within the cap, in chunks of every size, comes back byte for byte and exactly as long")
  void chunkedWithinCap() {
    byte[] sent = new byte[70_001];
    new java.util.Random(13).nextBytes(sent);
    var url = serve(req -> {
      var response = req.response().setChunked(true);
      for (int from = 0, size = 1; from < sent.length; from += size, size = size * 3 + 1) {
        response.write(Buffer.buffer(java.util.Arrays.copyOfRange(sent, from, Math.min(sent.length, from + size))));
      }
      response.end();
    });
    assertThat(fetch(url, 5000)).isEqualTo(sent);
  }

  @Test
  @DisplayName("A Content-Length over the cap is refused as unreadable before the body is read, and the connection is closed")
  void declaredTooLarge() throws Exception {
    var url = serve(req -> req.response().putHeader("Content-Length", Long.toString(50L * 1024 * 1024 * 1024))
        .writeHead());
    assertThatThrownBy(() -> fetch(url, 5000)).isInstanceOfSatisfying(Problem.class, p -> {
      assertThat(p.failure()).isEqualTo(Failure.UNREADABLE_FITS);
      assertThat(p.getMessage()).isEqualTo("The FITS file is larger than the limit of 100000 bytes");
    });
    assertThat(closed.await(5, TimeUnit.SECONDS)).as("connection closed").isTrue();
  }

  @Test
  @DisplayName("A chunked body without Content-Length is cut off at the cap, and the connection is closed")
  void streamedPastCap() throws Exception {
    var url = serve(req -> {
      var response = req.response().setChunked(true);
      vertx.setPeriodic(5, id -> {
        if (response.closed() || bytesSent.get() > 100 * CAP) {
          vertx.cancelTimer(id);
          return;
        }
        response.write(Buffer.buffer(new byte[8192]));
        bytesSent.addAndGet(8192);
      });
    });
    assertThatThrownBy(() -> fetch(url, 10_000)).isInstanceOfSatisfying(Problem.class,
        p -> assertThat(p.failure()).isEqualTo(Failure.UNREADABLE_FITS));
    assertThat(closed.await(5, TimeUnit.SECONDS)).as("connection closed").isTrue();
    assertThat(bytesSent.get()).as("bytes the server got to send").isLessThan(10 * CAP);
  }

  @Test
  @DisplayName("A server that never answers gives a timeout, and the connection is closed")
  void hangTimesOut() throws Exception {
    var url = serve(req -> {
    });
    assertThatThrownBy(() -> fetch(url, 300)).isInstanceOfSatisfying(Problem.class,
        p -> assertThat(p.failure()).isEqualTo(Failure.UPSTREAM_TIMEOUT));
    assertThat(closed.await(5, TimeUnit.SECONDS)).as("connection closed").isTrue();
  }

  @Test
  @DisplayName("A body that stops short of its Content-Length is an upstream error, not a truncated file")
  void shortBody() {
    var url = serve(req -> {
      req.response().putHeader("Content-Length", "5000").write(Buffer.buffer(new byte[1000]));
      vertx.setTimer(50, t -> req.connection().close());
    });
    assertThatThrownBy(() -> fetch(url, 5000)).isInstanceOfSatisfying(Problem.class,
        p -> assertThat(p.failure()).isEqualTo(Failure.UPSTREAM_ERROR));
  }
}
