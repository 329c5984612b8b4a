package global.lco.thumbs.archive;

import global.lco.thumbs.archive.routes.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.archive.faults.Fault;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Fault injection")
class FaultInjectionTest extends ArchiveTestSupport {

  @Test
  @DisplayName("status 500 on metadata answers Django's HTML 'Server Error (500)', not JSON")
  void status500() throws Exception {
    archive.faults().add(Fault.status(Route.FRAMES, 500));
    var response = get("frames/1001/");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/html");
    assertThat(response.bodyAsString()).contains("<h1>Server Error (500)</h1>");
  }

  @Test
  @DisplayName("status 502 answers a proxy's HTML page")
  void status502() throws Exception {
    archive.faults().add(Fault.status(Route.FRAMES, 502));

    assertThat(get("frames/1001/").bodyAsString()).contains("<title>502 Bad Gateway</title>", "nginx");
  }

  @Test
  @DisplayName("status 429 carries Retry-After and DRF's throttle text")
  void status429() throws Exception {
    archive.faults().add(Fault.status(Route.FRAMES, 429).withRetryAfter(17));
    var response = get("frames/?request_id=60001");

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("17");
    assertThat(response.bodyAsJsonObject().getString("detail"))
        .isEqualTo("Request was throttled. Expected available in 17 seconds.");
  }

  @Test
  @DisplayName("status 503 on downloads answers S3's XML SlowDown")
  void filesStatus503() throws Exception {
    var url = getJson("frames/1003/").getString("url");
    archive.faults().add(Fault.status(Route.FILES, 503));
    var response = get(url);

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.bodyAsString()).contains("<Code>SlowDown</Code>");
  }

  @Test
  @DisplayName("A one-shot fault fires once, then the archive behaves")
  void once() throws Exception {
    archive.faults().add(Fault.status(Route.FRAMES, 500).once());

    assertThat(get("frames/1001/").statusCode()).isEqualTo(500);
    assertThat(get("frames/1001/").statusCode()).isEqualTo(200);
    assertThat(archive.faults().active()).isEmpty();
  }

  @Test
  @DisplayName("A persistent fault keeps firing until cleared")
  void persistent() throws Exception {
    archive.faults().add(Fault.status(Route.FRAMES, 500));

    assertThat(get("frames/1001/").statusCode()).isEqualTo(500);
    assertThat(get("frames/1001/").statusCode()).isEqualTo(500);
    archive.faults().clear();
    assertThat(get("frames/1001/").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A fault for one frame leaves other frames and the other route alone")
  void perFrame() throws Exception {
    archive.faults().add(Fault.status(Route.FRAMES, 500).forFrame(1001));

    assertThat(get("frames/1001/").statusCode()).isEqualTo(500);
    assertThat(get("frames/1003/").statusCode()).isEqualTo(200);
    assertThat(get("health/").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("delay holds the answer back before the headers")
  void delay() throws Exception {
    archive.faults().add(Fault.delay(Route.FRAMES, Duration.ofMillis(400)));
    long start = System.nanoTime();
    var response = get("frames/1001/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(400);
  }

  @Test
  @DisplayName("hang never answers: the client's timeout fires")
  void hang() throws Exception {
    archive.faults().add(Fault.hang(Route.FRAMES).once());
    var answered = request("frames/1001/").timeout(300).send();

    assertThatThrownBy(() -> await(answered)).hasMessageContaining("imeout");
    assertThat(get("frames/1001/").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("trickle sends the whole body, slowly")
  void trickle() throws Exception {
    archive.faults().add(Fault.trickle(Route.OTHER, 1, Duration.ofMillis(100)));
    long start = System.nanoTime();
    var response = get("health/");

    assertThat(response.bodyAsString()).isEqualTo("\"ok\"");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(250);
  }

  @Test
  @DisplayName("trickle on a download keeps it going past a deadline that an idle timeout would not catch")
  void trickleDownload(Vertx vertx) throws Exception {
    var url = getJson("frames/1003/").getString("url");
    archive.faults().add(Fault.trickle(Route.FILES));
    var ownClient = WebClient.create(vertx, new WebClientOptions().setIdleTimeout(1));
    try {
      var answered = ownClient.getAbs(url).send();
      Thread.sleep(1500);

      assertThat(answered.isComplete()).isFalse();
    } finally {
      ownClient.close();
    }
  }

  @Test
  @DisplayName("reset tears the connection down in the middle of the body")
  void reset() throws Exception {
    var url = getJson("frames/1001/").getString("url");
    archive.faults().add(Fault.reset(Route.FILES));

    assertThatThrownBy(() -> get(url)).isNotNull();
  }

  @Test
  @DisplayName("truncate promises the whole Content-Length, sends half and closes")
  void truncate() throws Exception {
    var url = getJson("frames/1001/").getString("url");
    archive.faults().add(Fault.truncate(Route.FILES));

    assertThatThrownBy(() -> get(url)).isNotNull();
  }

  @Test
  @DisplayName("corrupt sends garbage of the file's length instead of the file, ETag unchanged")
  void corrupt() throws Exception {
    var url = getJson("frames/1003/").getString("url");
    var file = Files.readAllBytes(TestData.fits("lco/coj2m002-ep07-20240610-diff-cutout.fits"));
    archive.faults().add(Fault.corrupt(Route.FILES));
    var response = get(url);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().length()).isEqualTo(file.length);
    assertThat(response.body().getBytes()).isNotEqualTo(file);
    assertThat(response.getHeader("ETag")).isEqualTo("\"" + Md5.of(file) + "\"");
  }

  @Test
  @DisplayName("corrupt on metadata sends JSON cut in half")
  void corruptJson() throws Exception {
    archive.faults().add(Fault.corrupt(Route.FRAMES));
    var response = get("frames/1001/");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(response::bodyAsJsonObject).isNotNull();
  }

  @Test
  @DisplayName("count makes the next list page report an estimated count")
  void countOverride() throws Exception {
    archive.faults().add(Fault.count(Long.MAX_VALUE).once());
    var page = getJson("frames/?basename_exact=m13");

    assertThat(page.getLong("count")).isEqualTo(Long.MAX_VALUE);
    assertThat(page.getBoolean("count_estimated")).isTrue();
    assertThat(getJson("frames/?basename_exact=m13").getLong("count")).isEqualTo(1);
  }
}
