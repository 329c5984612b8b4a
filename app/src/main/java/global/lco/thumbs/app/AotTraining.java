package global.lco.thumbs.app;

import global.lco.thumbs.shared.cluster.NodeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --aot-training}: the workload the JDK's ahead-of-time cache is recorded from
 * ({@code -XX:AOTCacheOutput}, JDK 25; run.sh does it once per build, docs/performance.md). It
 * starts the service as {@code --demo} does, on free ports and a throw-away store, asks it for
 * what users ask (mono, median, colour thumbnails, a second size, a stored hit, IIIF info.json and
 * tiles, the try-it page, errors), then stops. The classes it loads and the methods it profiles
 * come ready from the cache at the next start, so a fresh process renders its first frames about
 * as fast as a warm one. Without the bundled frames (no {@code testdata/}) only the worker's own
 * warm-up and the error paths are trained.
 */
final class AotTraining {
  /** Paths asked each round; {@code W} becomes a size of that round, so thumbnails are rendered, not found stored. */
  private static final List<String> REQUESTS = List.of(
      "/", "/health", "/ready", "/1001/?width=W&height=W&image=true", "/1001/?width=W",
      "/1001/?width=W&height=W&median=true&image=true", "/1030/?width=W&height=W&color=true&image=true",
      "/tfn0m414-kb29-20160625-0060-e91/?width=W", "/iiif/3/1001/info.json",
      "/iiif/3/1001/0,0,512,512/W,/0/default.jpg", "/iiif/3/1001/full/max/0/default.png", "/1001/?width=-1",
      "/999999/", "/1050/?color=true");
  private static final int ROUNDS = 3;

  private AotTraining() {
  }

  static void run() throws IOException {
    Path store = Files.createTempDirectory("thumbs-aot-training");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("HTTP_PORT", "0");
    env.put("MANAGEMENT_PORT", "0");
    env.put("SAMPLE_ARCHIVE_PORT", "0");
    env.put("THUMBNAIL_DIR", store.toString());
    env.remove("ARCHIVE_API_URL");
    boolean frames = Files.isDirectory(Path.of(env.getOrDefault("SAMPLE_ARCHIVE_DIR", "testdata")));
    var vertx = Vertx.vertx(NodeOptions.defaults());
    int status = 0;
    try {
      if (frames) {
        DemoArchive.start(vertx, env).await();
      }
      var service = ThumbsService.start(vertx, ThumbsConfig.fromEnv(env)).await();
      HttpClient http = vertx.createHttpClient();
      for (int round = 0; round < ROUNDS; round++) {
        String size = Integer.toString(500 - 100 * round);
        for (String template : REQUESTS) {
          String path = template.replace("W", size);
          // Every answer is part of the workload, errors included (without frames most requests are).
          http.request(HttpMethod.GET, service.port(), "127.0.0.1", path)
              .compose(request -> request.send().compose(response -> response.body()))
              .otherwiseEmpty()
              .await();
        }
      }
      service.close().await();
      System.out.println("AOT training done (" + (frames ? "bundled frames" : "no testdata/: warm-up and errors only")
          + ")");
    } catch (RuntimeException failed) {
      System.err.println("AOT training failed: " + failed);
      status = 1;
    } finally {
      vertx.close().await();
      deleteTree(store);
    }
    System.exit(status);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
