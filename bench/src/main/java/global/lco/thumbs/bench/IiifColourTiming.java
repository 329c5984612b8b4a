package global.lco.thumbs.bench;

import static global.lco.thumbs.bench.TimedRequests.get;
import static global.lco.thumbs.bench.TimedRequests.ms;
import static global.lco.thumbs.bench.TimedRequests.row;

import global.lco.thumbs.archive.SampleArchiveOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    InProcessService.quietLogs();
    Path data = out.resolve("data");
    var frame = BenchFrames.fourK(data.resolve("fits"));
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
        try (var a = InProcessService.onSampleArchive(vertx, SampleArchiveOptions.forTests().setDataDir(data), out, Map.of())) {
          long start = System.nanoTime();
          var json = new JsonObject(get(http, a.base() + "iiif/3/20000~color/info.json"));
          info.add(ms(start));
          width = json.getInteger("width");
          height = json.getInteger("height");
          start = System.nanoTime();
          get(http, a.base() + "iiif/3/20000~color/0,0," + TILE + "," + TILE + "/" + TILE + ",/0/default.jpg");
          firstTile.add(ms(start));
          for (int n = 1; n <= FURTHER_TILES; n++) {
            int x = n % 8 * TILE;
            int y = n / 8 * TILE;
            start = System.nanoTime();
            get(http, a.base() + "iiif/3/20000~color/" + x + "," + y + "," + TILE + "," + TILE + "/" + TILE
                + ",/0/default.jpg");
            tiles.add(ms(start));
          }
        }
        try (var b = InProcessService.onSampleArchive(vertx, SampleArchiveOptions.forTests().setDataDir(data), out, Map.of())) {
          long start = System.nanoTime();
          get(http, b.base() + "20000/?color=true&image=true&width=200&height=200");
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
}
