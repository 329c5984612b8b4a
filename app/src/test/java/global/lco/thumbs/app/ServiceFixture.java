package global.lco.thumbs.app;

import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.shared.cluster.NodeOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real single-machine service (gateway + worker verticles, local store) in front of a real sample
 * archive on loopback, plus a plain HTTP client to talk to it as a user would.
 */
final class ServiceFixture implements AutoCloseable {
  final Vertx vertx;
  final SampleArchive archive;
  final ThumbsService service;
  final Path thumbnails;
  final Path tmp;
  final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private ServiceFixture(Vertx vertx, SampleArchive archive, ThumbsService service, Path thumbnails, Path tmp) {
    this.vertx = vertx;
    this.archive = archive;
    this.service = service;
    this.thumbnails = thumbnails;
    this.tmp = tmp;
    this.base = "http://127.0.0.1:" + service.port() + "/";
  }

  static ServiceFixture start(Path dir, Map<String, String> extraEnv) {
    return start(dir, extraEnv, SampleArchiveOptions.forTests());
  }

  /** As {@link #start(Path, Map)}, with a sample archive of one's own (e.g. another data folder). */
  static ServiceFixture start(Path dir, Map<String, String> extraEnv, SampleArchiveOptions archiveOptions) {
    // The runnables' own options, metrics included, so tests see the /metrics a deployment has.
    var vertx = Vertx.vertx(NodeOptions.defaults());
    var archive = SampleArchive.start(vertx, archiveOptions).await();
    int port = freePort();
    var thumbnails = dir.resolve("thumbnails");
    var tmp = dir.resolve("tmp");
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var env = new HashMap<String, String>();
    env.put("ARCHIVE_API_URL", archive.baseUrl());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", Integer.toString(port));
    env.put("THUMBNAIL_DIR", thumbnails.toString());
    env.put("TMP_DIR", tmp.toString());
    env.put("RENDER_CONCURRENCY", "2");
    env.putAll(extraEnv);
    var service = ThumbsService.start(vertx, ThumbsConfig.fromEnv(env)).await();
    return new ServiceFixture(vertx, archive, service, thumbnails, tmp);
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    return send("GET", path, headers);
  }

  HttpResponse<byte[]> send(String method, String path, String... headers) {
    var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  long storedThumbnails() {
    if (!Files.isDirectory(thumbnails)) {
      return 0;
    }
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(thumbnails)) {
        return files.filter(f -> f.toString().endsWith(".jpg")).count();
      } catch (IOException | UncheckedIOException e) {
        // A store put renames its .part file while the walk lists the folder (a render in flight).
        if (attempt == 3) {
          throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
        }
      }
    }
  }

  long filesIn(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    service.close().await();
    vertx.close().await();
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
