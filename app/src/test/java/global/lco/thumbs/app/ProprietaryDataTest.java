package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Proprietary frames and callers' tokens: a thumbnail made for an entitled caller never reaches a
 * caller the archive refuses (bytes, URL or 304), and the token never appears in logs, on the event
 * bus or in stored object names.
 */
class ProprietaryDataTest {
  private static final String SECRET = "sample-token-proposal";
  private static final String OWNER = "Token " + SECRET;
  private static final String OTHER = "Token sample-token-other";
  @TempDir
  static Path dir;
  static ServiceFixture app;
  static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  static final List<String> BUS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    LOGS.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    LOGS.start();
    root.addAppender(LOGS);
    app = ServiceFixture.start(dir, Map.of("ARCHIVE_TIMEOUT_MS", "500", "FITS_DOWNLOAD_TIMEOUT_MS", "700"));
    app.service.vertx().eventBus().addOutboundInterceptor(ProprietaryDataTest::record);
    app.service.vertx().eventBus().addInboundInterceptor(ProprietaryDataTest::record);
  }

  @AfterAll
  static void stop() {
    app.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOGS);
  }

  @BeforeEach
  void resetArchive() {
    app.archive.faults().clear();
  }

  private static void record(DeliveryContext<Object> delivery) {
    var message = delivery.message();
    BUS.add(message.address() + " " + message.headers() + " " + message.body());
    delivery.next();
  }

  @Test
  @DisplayName("The image made for the owner is refused to anonymous and other callers, even with its ETag in If-None-Match")
  void imageNotServedToOthers() {
    var owned = app.get("1010/?width=77&height=77&image=true", "Authorization", OWNER);
    assertThat(owned.statusCode()).isEqualTo(200);
    var etag = owned.headers().firstValue("ETag").orElseThrow();
    for (var caller : new String[][] {{}, {"Authorization", OTHER}}) {
      var plain = app.get("1010/?width=77&height=77&image=true", caller);
      var conditional = app.get("1010/?width=77&height=77&image=true", concat(caller, "If-None-Match", etag));
      for (var answer : List.of(plain, conditional)) {
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.headers().firstValue("ETag")).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("The URL made for the owner is never handed to anonymous or other callers")
  void urlNotServedToOthers() {
    var owned = new JsonObject(new String(app.get("1010/?width=78&height=78", "Authorization", OWNER).body()));
    assertThat(owned.getString("url")).isNotBlank();
    for (var caller : new String[][] {{}, {"Authorization", OTHER}}) {
      var answer = app.get("1010/?width=78&height=78", caller);
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(new String(answer.body())).doesNotContain(owned.getString("url"), "_thumbs");
    }
  }

  @Test
  @DisplayName("Tokens never appear in log lines, on the event bus, or in stored object names, through hits, misses and failures")
  void tokensStayOut() throws IOException {
    app.get("1010/?width=79&height=79", "Authorization", OWNER);
    app.get("1010/?width=79&height=79", "Authorization", OWNER);
    app.get("1010/?width=79&height=79&image=true", "Authorization", OWNER);
    app.get("1010/?width=79&height=79", "Authorization", OTHER);
    app.get("1001/?width=0", "Authorization", OWNER);
    app.archive.faults().add(Fault.status(Route.FRAMES, 500).once());
    app.get("1010/?width=80&height=80", "Authorization", OWNER);
    app.archive.reprocess(1010);
    app.archive.faults().add(Fault.hang(Route.FILES).once());
    app.get("1010/?width=81&height=81", "Authorization", OWNER);

    List<ILoggingEvent> logged;
    synchronized (LOGS) { // the worker may still be logging the hung download
      logged = List.copyOf(LOGS.list);
    }
    assertThat(logged).isNotEmpty();
    assertThat(logged).allSatisfy(event -> assertThat(event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
        .doesNotContain(SECRET, "sample-token-other"));
    assertThat(BUS).isNotEmpty().allSatisfy(m -> assertThat(m).doesNotContain(SECRET, "Token "));
    try (Stream<Path> files = Files.walk(app.thumbnails)) {
      assertThat(files.map(Path::toString).toList()).isNotEmpty().allSatisfy(f -> assertThat(f).doesNotContain(SECRET));
    }
  }

  @Test
  @DisplayName("The cache key does not depend on the token: another entitled caller gets the stored thumbnail")
  void keyIgnoresToken() {
    app.archive.clearRequests();
    assertThat(app.get("1010/?width=82&height=82", "Authorization", OWNER).statusCode()).isEqualTo(200);
    assertThat(app.get("1010/?width=82&height=82", "Authorization", "Token sample-token-admin").statusCode())
        .isEqualTo(200);
    assertThat(app.archive.downloads()).hasSizeLessThanOrEqualTo(1);
  }

  private static String[] concat(String[] headers, String... more) {
    return Stream.concat(Stream.of(headers), Stream.of(more)).toArray(String[]::new);
  }
}
