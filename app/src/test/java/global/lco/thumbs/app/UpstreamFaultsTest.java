package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample archive's failure modes on metadata and downloads, with small timeouts: each is a JSON
 * 502/504 (or what SPEC says for it) within the deadline, nothing is cached, no temporary file is
 * left, and the next request succeeds.
 */
class UpstreamFaultsTest {
  private static final long DEADLINE_MS = 3000;
  private static final AtomicInteger WIDTH = new AtomicInteger(50);
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    app = ServiceFixture.start(dir, Map.of("ARCHIVE_TIMEOUT_MS", "500", "FITS_DOWNLOAD_TIMEOUT_MS", "700",
        "REQUEST_DEADLINE_MS", Long.toString(DEADLINE_MS)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void resetArchive() {
    app.archive.faults().clear();
    app.archive.clearRequests();
  }

  @AfterEach
  void leavesNoTemporaryFiles() {
    assertThat(app.filesIn(app.tmp)).as("files left in TMP_DIR").isZero();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        fault("metadata: slow first byte", Fault.delay(Route.FRAMES, Duration.ofSeconds(5)), 504),
        fault("metadata: hang", Fault.hang(Route.FRAMES), 504),
        fault("metadata: trickle", Fault.trickle(Route.FRAMES, 8, Duration.ofMillis(300)), 504),
        fault("metadata: 500 (Django HTML)", Fault.status(Route.FRAMES, 500), 502),
        fault("metadata: 503 (nginx HTML)", Fault.status(Route.FRAMES, 503), 502),
        fault("metadata: reset mid-body", Fault.reset(Route.FRAMES), 502),
        fault("metadata: Content-Length longer than the body", Fault.truncate(Route.FRAMES), 502),
        fault("metadata: cut-off JSON", Fault.corrupt(Route.FRAMES), 502),
        fault("download: slow first byte", Fault.delay(Route.FILES, Duration.ofSeconds(5)), 504),
        fault("download: hang", Fault.hang(Route.FILES), 504),
        fault("download: trickle", Fault.trickle(Route.FILES), 504),
        fault("download: 500 (S3 XML)", Fault.status(Route.FILES, 500), 502),
        fault("download: 503 (S3 XML)", Fault.status(Route.FILES, 503), 502),
        fault("download: reset mid-body", Fault.reset(Route.FILES), 502),
        fault("download: Content-Length longer than the body", Fault.truncate(Route.FILES), 502),
        // docs/api.md, what we ask the archive: S3's 403 is passed through as 403 "Got error response".
        fault("download: expired URL (S3 403)", Fault.expiredUrls(), 403),
        // Garbage of the right length is a download that worked and a file that is not FITS.
        fault("download: garbage instead of the file", Fault.corrupt(Route.FILES), 422));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("faults")
  @DisplayName("An upstream fault is a JSON error within the deadline, and nothing is stored")
  void faultIsAnswered(String name, Fault fault, int status) {
    app.archive.reprocess(1001); // a new version: the worker's frame cache cannot answer for it
    app.archive.faults().add(fault);
    long stored = app.storedThumbnails();
    long start = System.nanoTime();
    var answer = app.get("1001/?width=" + WIDTH.incrementAndGet());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(answer.statusCode()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    var message = new JsonObject(new String(answer.body())).getString("message");
    assertThat(message).isNotBlank().doesNotContain("X-Amz", "http://", "Exception");
    assertThat(millis).as("milliseconds to answer").isLessThan(DEADLINE_MS + 2000);
    assertThat(app.storedThumbnails()).isEqualTo(stored);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  @DisplayName("After an upstream fault clears, the same thumbnail renders")
  void recovers(String name, Fault fault, int status) {
    app.archive.reprocess(1001);
    app.archive.faults().add(fault.once());
    int width = WIDTH.incrementAndGet();
    assertThat(app.get("1001/?width=" + width).statusCode()).isEqualTo(status);
    assertThat(app.get("1001/?width=" + width).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Downloads and lookups that hang or trickle leave no connection open at the archive")
  void noConnectionLeftOpen() throws Exception {
    assertThat(app.get("1001/?width=" + WIDTH.incrementAndGet()).statusCode()).isEqualTo(200);
    int before = establishedTo(app.archive.port());
    for (int round = 0; round < 2; round++) {
      for (var fault : new Fault[] {Fault.hang(Route.FILES), Fault.trickle(Route.FILES), Fault.hang(Route.FRAMES),
          Fault.trickle(Route.FRAMES, 8, Duration.ofMillis(300))}) {
        app.archive.faults().clear();
        app.archive.faults().add(fault);
        app.archive.reprocess(1001);
        assertThat(app.get("1001/?width=" + WIDTH.incrementAndGet()).statusCode()).isEqualTo(504);
      }
    }
    app.archive.faults().clear();
    // Sequential requests reuse the pooled connections counted before; eight abandoned ones would show here.
    long until = System.nanoTime() + 5_000_000_000L;
    int open;
    do {
      Thread.sleep(100);
      open = establishedTo(app.archive.port());
    } while (open > before + 1 && System.nanoTime() < until);
    assertThat(open).as("established connections at the archive's port").isLessThanOrEqualTo(before + 1);
  }

  private static Arguments fault(String name, Fault fault, int status) {
    return Arguments.of(name, fault, status);
  }

  /** Server-side TCP connections of this port in state ESTABLISHED, from the kernel's own table. */
  private static int establishedTo(int port) {
    var local = ":" + HexFormat.of().withUpperCase().toHexDigits((short) port);
    int count = 0;
    for (var table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
      try (var lines = Files.lines(Path.of(table))) {
        count += (int) lines.skip(1).map(l -> l.trim().split("\\s+"))
            .filter(f -> f[1].toUpperCase(Locale.ROOT).endsWith(local) && "01".equals(f[3])).count();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return count;
  }
}
