package global.lco.thumbs.bench;

import global.lco.thumbs.app.ThumbsConfig;
import global.lco.thumbs.app.ThumbsService;
import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.archive.TestData;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.pixels.RowBands;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark: builds its inputs from the corpus, times a render stage by stage and end to end
 * against a bare nom-tam-fits decode of the same file, then loads the hit path of a running
 * single-machine service beside the bare archive lookup. Prints Markdown tables and draws the
 * README figure. Usage: {@code java -jar bench/target/thumbs-bench.jar [options]} (see {@link Options}).
 */
public final class BenchMain {

  /** Concurrent connections of the hit-path levels. */
  static final int[] CONNECTIONS = {1, 8, 32, 128};

  /**
   * @param out        where inputs, thumbnails and results go
   * @param plot       the PNG drawn
   * @param warmup     untimed iterations first
   * @param iterations timed iterations (medians reported)
   * @param hitSeconds seconds per hit-path level (0 skips the hit path)
   * @param smoke      one small frame instead of the 4k and 2k×3k ones (the test of the harness)
   */
  record Options(Path out, Path plot, int warmup, int iterations, double hitSeconds, boolean smoke) {

    static Options parse(String[] args) {
      Path out = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "target", "bench-data")
          : Path.of(System.getProperty("java.io.tmpdir"), "thumbs-bench");
      Path plot = null;
      int warmup = 8; // fewer left the JIT still compiling the pixel loops (stages 20–40 % slower)
      int iterations = 9;
      double seconds = 3;
      boolean smoke = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = Path.of(args[++i]);
          case "--plot" -> plot = Path.of(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--iterations" -> iterations = Integer.parseInt(args[++i]);
          case "--hit-seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--smoke" -> smoke = true;
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --out DIR --plot FILE.png --warmup N --iterations N --hit-seconds S --smoke");
        }
      }
      if (iterations < 1 || warmup < 0 || seconds < 0) {
        throw new IllegalArgumentException("iterations must be >= 1, warmup and hit-seconds >= 0");
      }
      return new Options(out, plot == null ? out.resolve("performance.png") : plot, warmup, iterations, seconds, smoke);
    }
  }

  /** Everything measured, for the report and the test. */
  record Report(String machine, List<StageBench.Result> renders, List<Double> serviceCold,
                List<LoadDriver.Level> hits, List<LoadDriver.Level> archive) {
  }

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    var report = run(options, System.out);
    System.out.println();
    System.out.println("figure: " + options.plot().toAbsolutePath());
    System.exit(report.renders().isEmpty() ? 1 : 0);
  }

  static Report run(Options options, PrintStream log) throws Exception {
    // One log line per request would cost more than a stored hit and bury the tables.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    String machine = machine();
    log.println("# thumbs benchmark");
    log.println(machine);
    Path data = options.out().resolve("data");
    Path fitsDir = data.resolve("fits");
    var frames = new ArrayList<BenchFrames.Frame>();
    log.println("building inputs in " + fitsDir.toAbsolutePath() + " …");
    if (options.smoke()) {
      frames.add(BenchFrames.tiled(TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"), fitsDir, 640, 480));
    } else {
      frames.add(BenchFrames.tiled(TestData.fits("lco/cpt1m012-fl10-20151216-0073-e00.fits.fz"), fitsDir, 4160, 4096));
      frames.add(BenchFrames.tiled(TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"), fitsDir, 2048, 3072));
    }
    Files.createDirectories(data.resolve("archive"));
    Files.writeString(data.resolve("archive/catalog.json"), "{\"frames\": []}\n");

    Vertx vertx = Vertx.vertx();
    try {
      var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setDataDir(data)).await();
      var service = startService(vertx, archive, options.out().resolve("service"));
      var fetcher = new FitsFetcher(vertx.createHttpClient(), Integer.MAX_VALUE - 8);
      var keys = new AtomicLong();
      var renders = new ArrayList<StageBench.Result>();
      var serviceCold = new ArrayList<Double>();
      var bench = new StageBench();
      for (var frame : frames) {
        long id = autoId(fitsDir, frame.file());
        String url = record(archive.baseUrl() + "frames/" + id + "/").getString("url");
        Supplier<byte[]> fetch = () -> fetcher.fetch(url, 120_000).await().getBytes();
        log.printf("rendering %s (frame %d): %d warm-up + %d timed iterations …%n", frame.name(), id,
            options.warmup(), options.iterations());
        renders.add(bench.run(frame, fetch,
            jpeg -> service.store().put(String.format("%064x", keys.incrementAndGet()), Buffer.buffer(jpeg)).await(),
            options.warmup(), options.iterations(), true));
        serviceCold.add(serviceCold(service, id, options));
      }
      service.close().await();
      archive.close();
      log.println();
      printRenders(log, renders, serviceCold);

      var hits = new ArrayList<LoadDriver.Level>();
      var lookups = new ArrayList<LoadDriver.Level>();
      if (options.hitSeconds() > 0) {
        hitPath(vertx, options, hits, lookups);
        printHits(log, hits, lookups);
      }
      Plot.write(options.plot(), machine, renders, hits, lookups);
      return new Report(machine, renders, serviceCold, hits, lookups);
    } finally {
      vertx.close().await();
    }
  }

  /** Whole requests through the service, each a new size of the frame so it is rendered, never a stored hit. */
  private static double serviceCold(ThumbsService service, long id, Options options) {
    double[] ms = new double[options.iterations()];
    for (int i = -options.warmup(); i < options.iterations(); i++) {
      int side = 300 + options.warmup() + i;
      long start = System.nanoTime();
      var answer = get("http://127.0.0.1:" + service.port() + "/" + id + "/?width=" + side + "&height=" + side
          + "&image=true");
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("service answered " + answer.statusCode());
      }
      if (i >= 0) {
        ms[i] = Stats.millis(System.nanoTime() - start);
      }
    }
    return Stats.median(ms);
  }

  private static void hitPath(Vertx vertx, Options options, List<LoadDriver.Level> hits,
                              List<LoadDriver.Level> lookups) throws IOException {
    var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests()).await();
    var service = startService(vertx, archive, options.out().resolve("service-hits"));
    try {
      String hit = "http://127.0.0.1:" + service.port() + "/1001/?width=200&height=200";
      String lookup = archive.baseUrl() + "frames/1001/";
      if (get(hit).statusCode() != 200) {
        throw new IllegalStateException("the service could not render frame 1001");
      }
      Vertx clients = Vertx.vertx();
      try {
        var driver = new LoadDriver(clients);
        var warm = Duration.ofMillis((long) Math.min(2000, options.hitSeconds() * 1000));
        driver.run(hit, 8, warm);
        driver.run(lookup, 8, warm);
        var level = Duration.ofMillis((long) (options.hitSeconds() * 1000));
        for (int connections : CONNECTIONS) {
          hits.add(driver.run(hit, connections, level));
          lookups.add(driver.run(lookup, connections, level));
        }
      } finally {
        clients.close().await();
      }
    } finally {
      service.close().await();
      archive.close();
    }
  }

  private static ThumbsService startService(Vertx vertx, SampleArchive archive, Path dir) throws IOException {
    // Thumbnails of an earlier run would turn this run's cold requests into stored hits.
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    var env = new HashMap<>(System.getenv());
    env.put("ARCHIVE_API_URL", archive.baseUrl());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", Integer.toString(freePort()));
    env.put("THUMBNAIL_DIR", dir.resolve("thumbnails").toString());
    env.put("TMP_DIR", tmp.toString());
    // Every service render in the benchmark must be cold; frame reuse is timed on its own.
    env.put("FRAME_CACHE_MB", "0");
    return ThumbsService.start(vertx, ThumbsConfig.fromEnv(env)).await();
  }

  private static void printRenders(PrintStream log, List<StageBench.Result> renders, List<Double> serviceCold) {
    log.println("## Render of one frame to a 500×500 JPEG (median of the timed iterations, ms)");
    log.println();
    var header = new StringBuilder("| stage |");
    var rule = new StringBuilder("|---|");
    for (var r : renders) {
      header.append(' ').append(r.frame().name()).append(" |");
      rule.append("---:|");
    }
    log.println(header);
    log.println(rule);
    for (String stage : StageBench.STAGES) {
      row(log, stage, renders, r -> r.stages().get(stage));
    }
    row(log, "**bare nom-tam decode**", renders, StageBench.Result::bareDecode);
    row(log, "render, cold (decode → JPEG)", renders, StageBench.Result::mono);
    row(log, "render, median=true", renders, StageBench.Result::median);
    row(log, "second size from kept frame (200×200)", renders, StageBench.Result::reuse);
    row(log, "colour, 3 frames", renders, StageBench.Result::colour);
    row(log, "3 bare decodes in parallel", renders, StageBench.Result::bareDecode3);
    row(log, "service request, cold (HTTP → JPEG, archive lookup + fetch + render + store)", renders,
        r -> serviceCold.get(renders.indexOf(r)));
    log.println();
    log.println(header.toString().replace("| stage |", "| ratio (target) |"));
    log.println(rule);
    ratio(log, "render / bare decode (≤ 1.3)", renders, StageBench.Result::monoRatio);
    ratio(log, "median render / bare decode (≤ 1.4)", renders, StageBench.Result::medianRatio);
    ratio(log, "colour / 3 parallel bare decodes (≤ 1.5)", renders, StageBench.Result::colourRatio);
    ratio(log, "heap allocated per render / decoded frame (≤ 3)", renders, StageBench.Result::heapRatio);
    ratio(log, "render / our own decode stage (no target)", renders, StageBench.Result::monoOverOwnDecode);
    var mib = new StringBuilder("| allocated per render, MiB (mono / median; sampled heap growth) |");
    for (var r : renders) {
      mib.append(String.format(Locale.ROOT, " %.0f / %.0f; %.0f (frame %.0f) |", r.allocatedMono() / 1048576.0,
          r.allocatedMedian() / 1048576.0, r.sampledPeakMono() / 1048576.0, r.frame().decodedBytes() / 1048576.0));
    }
    log.println(mib);
  }

  private static void row(PrintStream log, String name, List<StageBench.Result> renders,
                          java.util.function.ToDoubleFunction<StageBench.Result> value) {
    cells(log, name, renders, value, " %.1f |");
  }

  private static void ratio(PrintStream log, String name, List<StageBench.Result> renders,
                            java.util.function.ToDoubleFunction<StageBench.Result> value) {
    cells(log, name, renders, value, " %.2f× |");
  }

  /** One Markdown table row: the name, then each frame's value in {@code cell}'s format. */
  private static void cells(PrintStream log, String name, List<StageBench.Result> renders,
                            java.util.function.ToDoubleFunction<StageBench.Result> value, String cell) {
    var line = new StringBuilder("| " + name + " |");
    for (var r : renders) {
      line.append(String.format(Locale.ROOT, cell, value.applyAsDouble(r)));
    }
    log.println(line);
  }

  private static void printHits(PrintStream log, List<LoadDriver.Level> hits, List<LoadDriver.Level> lookups) {
    log.println();
    log.println("## Hit path: stored thumbnail (GET /1001/?width=200&height=200) vs bare archive lookup (GET /frames/1001/)");
    log.println();
    log.println("| connections | hits/s | p50 ms | p99 ms | lookups/s | p50 ms | p99 ms | errors |");
    log.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 0; i < hits.size(); i++) {
      var h = hits.get(i);
      var a = lookups.get(i);
      log.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %d / %d |%n", h.connections(),
          h.perSecond(), h.p50(), h.p99(), a.perSecond(), a.p50(), a.p99(), h.errors(), a.errors());
    }
  }

  /** The sample archive numbers unlisted FITS files from 10000 in sorted path order. */
  private static long autoId(Path fitsDir, Path file) throws IOException {
    Path root = fitsDir.getParent();
    try (Stream<Path> files = Files.walk(root)) {
      var names = files.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(n -> n.matches(".*\\.(fits|fit|fts)(\\.fz)?$")).sorted().toList();
      int index = names.indexOf(root.relativize(file).toString().replace('\\', '/'));
      if (index < 0) {
        throw new IllegalStateException(file + " is not served by the archive");
      }
      return 10_000L + index;
    }
  }

  private static JsonObject record(String url) {
    var response = get(url);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return new JsonObject(new String(response.body()));
  }

  private static HttpResponse<byte[]> get(String url) {
    try (var http = HttpClient.newHttpClient()) {
      return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
          .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String machine() {
    String cpu = "unknown CPU";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
          .orElse(cpu);
    } catch (IOException | RuntimeException noProc) {
      // not Linux: the CPU name is only a label
    }
    return String.format(Locale.ROOT, "%d cores (%s), %s %s, Java %s (%s), max heap %d MiB, RENDER_THREADS %d",
        Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("os.name"), System.getProperty("os.arch"),
        System.getProperty("java.version"), System.getProperty("java.vm.vendor"),
        Runtime.getRuntime().maxMemory() / 1048576, RowBands.parallelism());
  }
}
