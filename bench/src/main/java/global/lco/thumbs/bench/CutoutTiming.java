package global.lco.thumbs.bench;

import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cold cutout against a cold thumbnail of the same frame, end to end through a single-machine
 * service and the sample archive: every request has a key nothing is stored under (the sigma or the
 * width changes each round) and frame reuse is off, so each one downloads, decodes and renders.
 * Rounds alternate the two so both see the same machine. Usage (after {@code mvn -B package -DskipTests}):
 * {@code java -cp bench/target/thumbs-bench.jar global.lco.thumbs.bench.CutoutTiming [FRAME [ROUNDS]]},
 * FRAME a basename of the sample archive (default the reference LCO frame, 1523×1020).
 */
public final class CutoutTiming {
  private static final int WARMUP = 8;

  private CutoutTiming() {
  }

  public static void main(String[] args) throws Exception {
    String frame = args.length > 0 ? args[0] : "tfn0m414-kb29-20160625-0060-e91";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Vertx vertx = Vertx.vertx();
    var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests()).await();
    Path dir = Files.createTempDirectory("thumbs-cutout-timing");
    var service = InProcessService.start(vertx, archive.baseUrl(), dir.resolve("thumbnails"), dir,
        Map.of("FRAME_CACHE_MB", "0"));
    String base = "http://127.0.0.1:" + service.port() + "/";
    var cutouts = new ArrayList<Double>();
    var thumbnails = new ArrayList<Double>();
    try (var http = HttpClient.newHttpClient()) {
      for (int round = 0; round < WARMUP + rounds; round++) {
        // A new sigma or width each round: a new key, so nothing is served from the store.
        double cutout = time(http, base + "cutout/" + frame + "/?x=700&y=500&width=200&height=200&sigma="
            + (5 + round * 0.01));
        double thumbnail = time(http, base + frame + "/?image=true&width=" + (200 + round) + "&height=200");
        if (round >= WARMUP) {
          cutouts.add(cutout);
          thumbnails.add(thumbnail);
        }
      }
    } finally {
      service.close().await();
      archive.close();
      vertx.close().await();
    }
    System.out.printf(Locale.ROOT, "frame %s, %d rounds after %d warm-up rounds (ms, median / min / max)%n", frame,
        rounds, WARMUP);
    System.out.println("| request | median | min | max |");
    System.out.println("|---|---:|---:|---:|");
    row("cold cutout 200×200 (zoom 1)", cutouts);
    row("cold thumbnail 200×200", thumbnails);
  }

  private static double time(HttpClient http, String url) throws IOException, InterruptedException {
    long start = System.nanoTime();
    var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + new String(response.body()));
    }
    return ms;
  }

  private static void row(String name, List<Double> ms) {
    var sorted = ms.stream().sorted().toList();
    System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", name, sorted.get(sorted.size() / 2), sorted.get(0),
        sorted.get(sorted.size() - 1));
  }
}
