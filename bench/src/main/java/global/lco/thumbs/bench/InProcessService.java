package global.lco.thumbs.bench;

import global.lco.thumbs.app.ThumbsConfig;
import global.lco.thumbs.app.ThumbsService;
import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-machine service in the benchmark's own JVM, on loopback and a free port, with a store
 * of its own: what the in-process timing harnesses measure. With {@link #onSampleArchive} it comes
 * with a sample archive, and closes both.
 */
record InProcessService(SampleArchive archive, ThumbsService service, String base) implements AutoCloseable {

  /** The service asking {@code archiveUrl}, storing in {@code store}; {@code extra} settings win over the defaults. */
  static ThumbsService start(Vertx vertx, String archiveUrl, Path store, Path tmp, Map<String, String> extra)
      throws IOException {
    var env = new HashMap<>(System.getenv());
    env.put("ARCHIVE_API_URL", archiveUrl);
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", Integer.toString(freePort()));
    env.put("THUMBNAIL_DIR", store.toString());
    env.put("TMP_DIR", tmp.toString());
    env.putAll(extra);
    return ThumbsService.start(vertx, ThumbsConfig.fromEnv(env)).await();
  }

  /** A sample archive with {@code archiveOptions} and the service on it, in a new, empty folder under {@code out}. */
  static InProcessService onSampleArchive(Vertx vertx, SampleArchiveOptions archiveOptions, Path out,
                                          Map<String, String> extra) throws IOException {
    // A new, empty store each time: nothing of an earlier round or run is a stored hit.
    Path dir = Files.createTempDirectory(Files.createDirectories(out), "service-");
    var archive = SampleArchive.start(vertx, archiveOptions).await();
    var service = start(vertx, archive.baseUrl(), dir.resolve("thumbnails"), dir, extra);
    return new InProcessService(archive, service, "http://127.0.0.1:" + service.port() + "/");
  }

  @Override
  public void close() {
    service.close().await();
    archive.close().await();
  }

  /** A port nothing listens on now. */
  /** Warnings and errors only: one log line per request would cost more than a stored hit and bury the tables. */
  static void quietLogs() {
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
