package global.lco.thumbs.bench;

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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark: what users get from the service ({@link EndToEnd}: cold thumbnails of a 4k frame
 * through HTTP, beside fits2image 0.4.6 on the same file; the hit path against the bare archive
 * lookup; cold throughput and overload; the service's peak resident memory and first renders), and
 * with {@code --stages} each render stage timed in this JVM against a bare nom-tam-fits decode.
 * Prints Markdown tables and draws the README figure. Usage:
 * {@code java -jar bench/target/thumbs-bench.jar [options]} (see {@link Options}).
 */
public final class BenchMain {

  /**
   * @param out          where inputs, thumbnails and results go
   * @param plot         the PNG drawn
   * @param warmup       untimed rounds first
   * @param iterations   timed rounds (medians reported)
   * @param hitSeconds   seconds per hit-path level
   * @param loadSeconds  seconds per cold-load level
   * @param smoke        one small frame, short levels (the test of the harness)
   * @param stages       also time each render stage in this JVM against a bare nom-tam-fits decode
   * @param frame        the 4k frame, or null for the one fetch-more.sh makes, else one built from the corpus
   * @param serviceJar   the single-machine service's jar
   * @param serviceJvm   options of the service's JVM (default: the launchers', {@link #launcherOptions})
   * @param reference    the fits2image-0.4.6 folder, or null to look for it
   */
  record Options(Path out, Path plot, int warmup, int iterations, double hitSeconds, double loadSeconds,
                 boolean smoke, boolean stages, Path frame, Path serviceJar, List<String> serviceJvm, Path reference) {

    static Options parse(String[] args) {
      Path out = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "target", "bench-data")
          : Path.of(System.getProperty("java.io.tmpdir"), "thumbs-bench");
      Path plot = null;
      int warmup = 8; // fewer left the JIT still compiling the pixel loops (stages 20–40 % slower)
      int iterations = 9;
      double seconds = 3;
      double load = 10;
      boolean smoke = false;
      boolean stages = false;
      Path frame = null;
      Path jar = Stream.of(Path.of("app/target/thumbs.jar"), Path.of("../app/target/thumbs.jar"))
          .filter(Files::isRegularFile).findFirst().orElse(Path.of("app/target/thumbs.jar"));
      List<String> jvm = null;
      Path reference = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--out" -> out = Path.of(args[++i]);
          case "--plot" -> plot = Path.of(args[++i]);
          case "--warmup" -> warmup = Integer.parseInt(args[++i]);
          case "--iterations" -> iterations = Integer.parseInt(args[++i]);
          case "--hit-seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--load-seconds" -> load = Double.parseDouble(args[++i]);
          case "--smoke" -> smoke = true;
          case "--stages" -> stages = true;
          case "--frame" -> frame = Path.of(args[++i]);
          case "--service-jar" -> jar = Path.of(args[++i]);
          case "--service-jvm" -> jvm = List.of(args[++i].trim().split("\\s+")).stream().filter(o -> !o.isEmpty()).toList();
          case "--reference" -> reference = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --out DIR --plot FILE.png --warmup N --iterations N --hit-seconds S --load-seconds S"
              + " --frame FILE.fits.fz --service-jar JAR --service-jvm 'OPTIONS' --reference DIR --stages --smoke");
        }
      }
      if (iterations < 1 || warmup < 0 || seconds <= 0 || load <= 0) {
        throw new IllegalArgumentException("iterations must be >= 1, warmup >= 0, hit-seconds and load-seconds > 0");
      }
      return new Options(out, plot == null ? out.resolve("performance.png") : plot, warmup, iterations, seconds, load,
          smoke, stages, frame, jar, jvm == null ? (smoke ? launcherOptions() : withAotCache(jar, launcherOptions())) : jvm, reference);
    }
  }

  /**
   * The JVM options the launchers (run.sh, the images) start the service with, from
   * {@code config/jvm-options.sh}; none (a bare {@code java -jar}) where the script is not found.
   */
  static List<String> launcherOptions() {
    var script = configScript("jvm-options.sh");
    if (script.isEmpty()) {
      return List.of();
    }
    String out = shOutput(script.get(), List.of())
        .orElseThrow(() -> new IllegalStateException(script.get() + " failed (its message is above)"));
    return List.of(out.split("\\s+"));
  }

  /**
   * {@code options} and, as run.sh adds it, the JDK's ahead-of-time cache of {@code jar}
   * ({@code config/aot-cache.sh} records it when missing or older than the jar); {@code options}
   * alone where the script is not found or the JDK has no such cache.
   */
  static List<String> withAotCache(Path jar, List<String> options) {
    var script = configScript("aot-cache.sh");
    if (script.isEmpty() || !Files.isRegularFile(jar)) {
      return options;
    }
    var arguments = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), jar.toString()));
    arguments.addAll(options);
    var all = new ArrayList<>(options);
    shOutput(script.get(), arguments).filter(out -> !out.isEmpty()).ifPresent(all::add);
    return all;
  }

  /** {@code config/NAME} of the project, from its root or from a module's folder. */
  private static Optional<Path> configScript(String name) {
    return Stream.of(Path.of("config", name), Path.of("..", "config", name)).filter(Files::isRegularFile).findFirst();
  }

  /** The trimmed standard output of {@code sh script arguments…} (its errors go to ours), or empty when it fails. */
  private static Optional<String> shOutput(Path script, List<String> arguments) {
    var command = new ArrayList<>(List.of("sh", script.toString()));
    command.addAll(arguments);
    try {
      var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Everything measured, for the report and the test; {@code renders} is empty without {@code --stages}. */
  record Report(String machine, EndToEnd.Result endToEnd, List<StageBench.Result> renders) {
  }

  /** Where {@code fetch-more.sh bench} leaves the frame the issue measured (its default OUTDIR). */
  static Path fetchMoreFrame() {
    String tmp = System.getenv().getOrDefault("TMPDIR", "/tmp");
    return Path.of(tmp, "fits-extra", "bench-coj1m011-tiled-4160x4096-e91-like.fits.fz");
  }

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    run(options, System.out);
    System.out.println();
    System.out.println("figure: " + options.plot().toAbsolutePath());
    System.exit(0);
  }

  static Report run(Options options, PrintStream log) throws Exception {
    InProcessService.quietLogs();
    String machine = machine();
    log.println("# thumbs benchmark");
    log.println(machine);
    log.println(load());
    Path data = options.out().resolve("data");
    Path fitsDir = data.resolve("fits");
    log.println("inputs in " + fitsDir.toAbsolutePath() + " …");
    BenchFrames.Frame frame = mainFrame(options, fitsDir, log);
    Files.createDirectories(data.resolve("archive"));

    var settings = new EndToEnd.Settings(options.serviceJar(), options.serviceJvm(), options.reference(),
        options.warmup(), options.iterations(), Duration.ofMillis((long) (options.loadSeconds() * 1000)),
        Duration.ofMillis((long) (options.hitSeconds() * 1000)));
    var endToEnd = EndToEnd.run(frame.file(), data, options.out(), settings, log);
    log.println();
    EndToEndReport.print(endToEnd, log);
    log.println(load());

    var renders = new ArrayList<StageBench.Result>();
    if (options.stages()) {
      var frames = new ArrayList<BenchFrames.Frame>(List.of(frame));
      if (!options.smoke()) {
        frames.add(BenchFrames.tiled(TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"), fitsDir, 2048, 3072));
      }
      stages(options, frames, data, renders, log);
      log.println();
      printRenders(log, renders);
    }
    Plot.write(options.plot(), machine, endToEnd, renders);
    return new Report(machine, endToEnd, renders);
  }

  /** The 4k frame (or the smoke test's small one), inside the archive's data folder. */
  private static BenchFrames.Frame mainFrame(Options options, Path fitsDir, PrintStream log) throws IOException {
    if (options.smoke()) {
      return BenchFrames.tiled(TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"), fitsDir, 640, 480);
    }
    Path given = options.frame() != null ? options.frame() : fetchMoreFrame();
    if (Files.isRegularFile(given)) {
      log.println("frame: " + given);
      return BenchFrames.served(given, fitsDir);
    }
    if (options.frame() != null) {
      throw new IllegalArgumentException("no such frame " + options.frame());
    }
    log.println("frame: built from the corpus (" + fetchMoreFrame() + " is missing; ../shared/data/fits/fetch-more.sh"
        + " bench makes the frame the issue measured)");
    return BenchFrames.fourK(fitsDir);
  }

  /** The in-process stage timings (and ratios to a bare nom-tam-fits decode) of each frame. */
  private static void stages(Options options, List<BenchFrames.Frame> frames, Path data,
                             List<StageBench.Result> renders, PrintStream log) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setDataDir(data)).await();
      var service = startService(vertx, archive, options.out().resolve("service"));
      var fetcher = new FitsFetcher(vertx.createHttpClient(FitsFetcher.clientOptions()), Integer.MAX_VALUE - 8);
      var keys = new AtomicLong();
      var bench = new StageBench();
      for (var frame : frames) {
        long id = frameId(archive.baseUrl(), frame, frames.get(0));
        String url = record(archive.baseUrl() + "frames/" + id + "/").getString("url");
        Supplier<byte[]> fetch = () -> fetcher.fetch(url, 120_000).await();
        log.printf("stages of %s (frame %d): %d warm-up + %d timed iterations …%n", frame.name(), id,
            options.warmup(), options.iterations());
        renders.add(bench.run(frame, fetch,
            jpeg -> service.store().put(String.format("%064x", keys.incrementAndGet()), Buffer.buffer(jpeg)).await(),
            options.warmup(), options.iterations(), true));
      }
      service.close().await();
      archive.close().await();
    } finally {
      vertx.close().await();
    }
  }

  /** The machine's load average (other work on it moves every figure). */
  static String load() {
    try {
      return "load average (1, 5, 15 min): " + Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException noProc) {
      return "load average: unknown";
    }
  }

  private static ThumbsService startService(Vertx vertx, SampleArchive archive, Path dir) throws IOException {
    // Thumbnails of an earlier run would turn this run's cold requests into stored hits.
    EndToEnd.deleteTree(dir);
    Path tmp = dir.resolve("tmp");
    Files.createDirectories(tmp);
    // Every service render in the benchmark must be cold; frame reuse is timed on its own.
    return InProcessService.start(vertx, archive.baseUrl(), dir.resolve("thumbnails"), tmp,
        Map.of("FRAME_CACHE_MB", "0"));
  }

  private static void printRenders(PrintStream log, List<StageBench.Result> renders) {
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

  /**
   * The archive's id of a frame: the main frame is catalogued by {@link BenchArchive} (its stored-hit
   * id is never reprocessed), any other is served under its file's basename.
   */
  private static long frameId(String archive, BenchFrames.Frame frame, BenchFrames.Frame main) {
    if (frame.equals(main)) {
      return BenchArchive.HIT_FRAME;
    }
    String basename = frame.file().getFileName().toString().replaceAll("\\.fits(\\.fz)?$", "");
    var page = record(archive + "frames/?basename_exact=" + basename);
    var results = page.getJsonArray("results");
    if (results == null || results.size() != 1) {
      throw new IllegalStateException(frame.file() + " is not served by the archive");
    }
    return results.getJsonObject(0).getLong("id");
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
