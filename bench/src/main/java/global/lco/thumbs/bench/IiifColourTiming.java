package global.lco.thumbs.bench;

import global.lco.thumbs.app.ThumbsConfig;
import global.lco.thumbs.app.ThumbsService;
import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.archive.TestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Deep-zoom figures of a colour composite for docs/iiif.md: three 4160×4096 bench frames (BenchFrames)
 * catalogued as one SDSS request (ip, rp, gp). Each round starts a fresh service and store: the cold
 * composite's info.json (it builds the composite on its worker), its first 512×512 tile, further
 * tiles; then, on another fresh service, a cold 200×200 colour thumbnail for comparison.
 * Usage (after {@code mvn -B package -DskipTests}):
 * {@code java -cp bench/target/thumbs-bench.jar global.lco.thumbs.bench.IiifColourTiming [ROUNDS [DIR]]}.
 */
public final class IiifColourTiming {
  private static final int TILE = 512;
  private static final int FURTHER_TILES = 24;

  private IiifColourTiming() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("thumbs-iiif-colour-timing");
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path data = out.resolve("data");
    var frame = BenchFrames.tiled(TestData.fits("lco/cpt1m012-fl10-20151216-0073-e00.fits.fz"), data.resolve("fits"),
        4160, 4096);
    Files.createDirectories(data.resolve("archive"));
    var frames = new JsonArray();
    String[] filters = {"ip", "rp", "gp"};
    for (int i = 0; i < 3; i++) {
      frames.add(new JsonObject().put("id", 20000 + i).put("basename", "bench-colour-" + filters[i])
          .put("file", data.relativize(frame.file()).toString()).put("primary_optical_element", filters[i])
          .put("request_id", 70000).put("reduction_level", 91).put("configuration_type", "EXPOSE"));
    }
    Files.writeString(data.resolve("archive/catalog.json"), new JsonObject().put("frames", frames).encode());
    var info = new ArrayList<Double>();
    var firstTile = new ArrayList<Double>();
    var tiles = new ArrayList<Double>();
    var thumbnail = new ArrayList<Double>();
    int width = 0;
    int height = 0;
    Vertx vertx = Vertx.vertx();
    try (var http = HttpClient.newHttpClient()) {
      for (int round = 0; round < rounds; round++) {
        try (var a = Running.start(vertx, data, out)) {
          long start = System.nanoTime();
          var json = new JsonObject(get(http, a.base + "iiif/3/20000~color/info.json"));
          info.add(ms(start));
          width = json.getInteger("width");
          height = json.getInteger("height");
          start = System.nanoTime();
          get(http, a.base + "iiif/3/20000~color/0,0," + TILE + "," + TILE + "/" + TILE + ",/0/default.jpg");
          firstTile.add(ms(start));
          for (int n = 1; n <= FURTHER_TILES; n++) {
            int x = n % 8 * TILE;
            int y = n / 8 * TILE;
            start = System.nanoTime();
            get(http, a.base + "iiif/3/20000~color/" + x + "," + y + "," + TILE + "," + TILE + "/" + TILE
                + ",/0/default.jpg");
            tiles.add(ms(start));
          }
        }
        try (var b = Running.start(vertx, data, out)) {
          long start = System.nanoTime();
          get(http, b.base + "20000/?color=true&image=true&width=200&height=200");
          thumbnail.add(ms(start));
        }
      }
    } finally {
      vertx.close().await();
    }
    System.out.printf(Locale.ROOT, "3 × %s (%d×%d composite, %d bytes each), %d rounds, %d cores%n", frame.name(),
        width, height, Files.size(frame.file()), rounds, Runtime.getRuntime().availableProcessors());
    System.out.println("| request | n | p50 ms | p99 ms | min ms | max ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    row("info.json, cold composite (builds it)", info);
    row("first 512×512 tile after it", firstTile);
    row("cold colour thumbnail 200×200", thumbnail);
    row("further 512×512 tiles of the composite (new keys)", tiles);
  }

  /** A sample archive and a service on it, closed together. */
  private record Running(SampleArchive archive, ThumbsService service, String base) implements AutoCloseable {
    static Running start(Vertx vertx, Path data, Path out) throws IOException {
      Path dir = Files.createTempDirectory(Files.createDirectories(out), "service-");
      var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setDataDir(data)).await();
      var env = new HashMap<>(System.getenv());
      env.put("ARCHIVE_API_URL", archive.baseUrl());
      env.put("HTTP_HOST", "127.0.0.1");
      env.put("HTTP_PORT", Integer.toString(freePort()));
      env.put("THUMBNAIL_DIR", dir.resolve("thumbnails").toString());
      env.put("TMP_DIR", dir.toString());
      var service = ThumbsService.start(vertx, ThumbsConfig.fromEnv(env)).await();
      return new Running(archive, service, "http://127.0.0.1:" + service.port() + "/");
    }

    @Override
    public void close() {
      service.close().await();
      archive.close().await();
    }
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static void row(String name, List<Double> ms) {
    double[] values = ms.stream().mapToDouble(Double::doubleValue).toArray();
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, values.length,
        Stats.median(values), Stats.percentile(values, 99), ms.stream().mapToDouble(d -> d).min().orElse(0),
        ms.stream().mapToDouble(d -> d).max().orElse(0));
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
