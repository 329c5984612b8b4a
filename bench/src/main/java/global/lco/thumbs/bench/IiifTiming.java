package global.lco.thumbs.bench;

import static global.lco.thumbs.bench.TimedRequests.get;
import static global.lco.thumbs.bench.TimedRequests.ms;
import static global.lco.thumbs.bench.TimedRequests.row;

import global.lco.thumbs.archive.SampleArchiveOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deep-zoom figures for docs/iiif.md, end to end through a single-machine service and the sample
 * archive, on the 4160×4096 bench frame (BenchFrames). Each round starts fresh services, so every
 * "cold" request really is: (A) an archive that honours Range: info.json from header ranges, the
 * first tile (the frame downloaded, decoded, stretched), then every other 512×512 full-resolution
 * tile of the frame, each a new key rendered from the kept frame; (B) an archive that ignores
 * Range and no frame cache: info.json from the full download, then a cold 200×200 thumbnail.
 * Usage (after {@code mvn -B package -DskipTests}):
 * {@code java -cp bench/target/thumbs-bench.jar global.lco.thumbs.bench.IiifTiming [ROUNDS [DIR]]}.
 */
public final class IiifTiming {
  private static final int TILE = 512;

  private IiifTiming() {
  }

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path out = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("thumbs-iiif-timing");
    InProcessService.quietLogs();
    Path data = out.resolve("data");
    var frame = BenchFrames.fourK(data.resolve("fits"));
    Files.createDirectories(data.resolve("archive"));
    Files.writeString(data.resolve("archive/catalog.json"), "{\"frames\": []}\n");
    // The only file the archive serves: its automatic id is the first.
    String id = "10000";
    var infoRange = new ArrayList<Double>();
    var infoFull = new ArrayList<Double>();
    var firstTile = new ArrayList<Double>();
    var coldThumbnail = new ArrayList<Double>();
    var tiles = new ArrayList<Double>();
    int width = 0;
    int height = 0;
    Vertx vertx = Vertx.vertx();
    try (var http = HttpClient.newHttpClient()) {
      for (int round = 0; round < rounds; round++) {
        try (var a = InProcessService.onSampleArchive(vertx, archiveOptions(data, true), out, Map.of())) {
          long start = System.nanoTime();
          var info = get(http, a.base() + "iiif/3/" + id + "/info.json");
          infoRange.add(ms(start));
          width = new JsonObject(info).getInteger("width");
          height = new JsonObject(info).getInteger("height");
          if (a.archive().downloads().stream().anyMatch(d -> d.range() == null)) {
            throw new IllegalStateException("info.json downloaded the whole file");
          }
          start = System.nanoTime();
          get(http, a.base() + "iiif/3/" + id + "/0,0," + TILE + "," + TILE + "/" + TILE + ",/0/default.jpg");
          firstTile.add(ms(start));
          for (int y = 0; y < height; y += TILE) {
            for (int x = 0; x < width; x += TILE) {
              if (x == 0 && y == 0) {
                continue;
              }
              int w = Math.min(TILE, width - x);
              int h = Math.min(TILE, height - y);
              start = System.nanoTime();
              get(http, a.base() + "iiif/3/" + id + "/" + x + "," + y + "," + w + "," + h + "/" + w + ",/0/default.jpg");
              tiles.add(ms(start));
            }
          }
        }
        try (var b = InProcessService.onSampleArchive(vertx, archiveOptions(data, false), out, Map.of("FRAME_CACHE_MB", "0"))) {
          long start = System.nanoTime();
          var info = new JsonObject(get(http, b.base() + "iiif/3/" + id + "/info.json"));
          infoFull.add(ms(start));
          if (info.getInteger("width") != width || info.getInteger("height") != height) {
            throw new IllegalStateException("the full download gives another size: " + info.encode());
          }
          start = System.nanoTime();
          get(http, b.base() + id + "/?image=true&width=200&height=200");
          coldThumbnail.add(ms(start));
        }
      }
    } finally {
      vertx.close().await();
    }
    System.out.printf(Locale.ROOT, "frame %s (%d×%d picture, %d bytes), %d rounds, %d cores%n", frame.name(), width,
        height, Files.size(frame.file()), rounds, Runtime.getRuntime().availableProcessors());
    System.out.println("| request | n | p50 ms | p99 ms | min ms | max ms |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    row("info.json, cold frame, header ranges", infoRange);
    row("info.json, cold frame, full download (Range ignored)", infoFull);
    row("first 512×512 tile, cold frame", firstTile);
    row("cold thumbnail 200×200 (no frame cache)", coldThumbnail);
    row("further 512×512 tiles of the frame (new keys)", tiles);
  }

  private static SampleArchiveOptions archiveOptions(Path data, boolean ranges) {
    return SampleArchiveOptions.forTests().setDataDir(data).setRanges(ranges);
  }
}
