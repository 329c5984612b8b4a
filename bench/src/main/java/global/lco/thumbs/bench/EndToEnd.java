package global.lco.thumbs.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What users get, beside what the old renderer gave: cold thumbnails of one 4k frame through the
 * service's HTTP (the jar in a JVM of its own, the archive on loopback, a new frame version for
 * every request) and fits2image 0.4.6 on the same file in a warm Python process, taken in turns
 * so the machine's noise hits both alike; then the hit path against the bare archive lookup, cold
 * throughput at 1 to 8 clients, an overload of 16, and the service's peak resident memory.
 */
final class EndToEnd {
  static final String[] MODES = {"mono", "median", "color"};
  static final int[] CLIENTS = {1, 2, 4, 8};
  static final int OVERLOAD_CLIENTS = 16;
  /** Cold renders timed right after start: the 1st, 5th and 20th are reported. */
  static final int FIRST_RENDERS = 20;
  static final int[] HIT_CONNECTIONS = {1, 8};
  /**
   * Frame lookups and downloads the archive serves before the service starts. With 8 (the first
   * version) the service's first dozen downloads took 150–370 ms instead of ~30: the archive (in
   * this JVM, reading each file into a buffer) was still being compiled, and the service's first
   * renders timed it.
   */
  static final int ARCHIVE_WARMUP_DOWNLOADS = 40;

  /**
   * CPU the timed cold requests of one mode took, summed over them: the service's, and the
   * benchmark's own (the archive serving the frame and the client) on the same cores.
   */
  record Cpu(long serviceMs, long benchMs, int requests) {

    Cpu plus(long service, long bench) {
      return new Cpu(serviceMs + service, benchMs + bench, requests + 1);
    }

    /** Both processes' CPU per thumbnail, in ms. */
    double perThumbnail() {
      return requests == 0 ? Double.NaN : (double) (serviceMs + benchMs) / requests;
    }

    /** The least wall time {@code cores} could give a thumbnail at this CPU cost, were every part of it parallel. */
    double floorMs(int cores) {
      return perThumbnail() / cores;
    }
  }

  /** Everything measured; fits2image figures are null when it could not run ({@code fits2imageMissing} says why). */
  record Result(String frame, String jvmOptions, Duration startup, double[] first, Map<String, double[]> ours,
                Map<String, Cpu> cpu,
                Map<String, double[]> fits2image, String fits2imageMissing, Map<String, Map<String, Double>> stages,
                List<LoadDriver.Level> hits, List<LoadDriver.Level> lookups, List<ColdLoad.Level> levels,
                ColdLoad.Level overload, Fits2Image.Throughput fits2imageThroughput, long peakRssAfterLoad,
                long peakRss) {

    double ours(String mode) {
      return Stats.median(ours.get(mode));
    }

    /** fits2image's median over ours, or NaN without fits2image. */
    double ratio(String mode) {
      return fits2image == null ? Double.NaN : Stats.median(fits2image.get(mode)) / ours(mode);
    }

    /**
     * fits2image's fastest round over our median, or NaN without fits2image: the conservative
     * ratio, since fits2image's time on this machine is bimodal (some rounds twice the others).
     */
    double ratioToFastest(String mode) {
      return fits2imageFastest(mode) / ours(mode);
    }

    /** fits2image's fastest round, in ms, or NaN without fits2image. */
    double fits2imageFastest(String mode) {
      return fits2image == null ? Double.NaN : Arrays.stream(fits2image.get(mode)).min().orElse(Double.NaN);
    }

    double hitRatio(int level) {
      return hits.get(level).p50() / lookups.get(level).p50();
    }
  }

  /**
   * @param jar        the single-machine service's jar
   * @param jvmOptions options the service's JVM is started with (empty: a bare {@code java -jar})
   * @param reference  fits2image-0.4.6 folder, or null to look for it
   */
  record Settings(Path jar, List<String> jvmOptions, Path reference, int warmup, int iterations, Duration load,
                  Duration hits) {
  }

  private EndToEnd() {
  }

  static Result run(Path frame, Path data, Path out, Settings settings, PrintStream log) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (var archive = BenchArchive.start(vertx, data, frame)) {
      Path serviceDir = out.resolve("service-e2e");
      deleteTree(serviceDir);
      Files.createDirectories(serviceDir.resolve("tmp"));
      Path serviceLog = out.resolve("service-e2e.log");
      Files.deleteIfExists(serviceLog);
      var env = Map.of("ARCHIVE_API_URL", archive.baseUrl(),
          "THUMBNAIL_DIR", serviceDir.resolve("thumbnails").toString(),
          "TMP_DIR", serviceDir.resolve("tmp").toString());
      // The archive stands in for one that is always running: warm it first, so the service's first
      // renders after start time the service alone.
      warmArchive(archive);
      log.printf("starting the service: java %s -jar %s (log: %s) …%n", String.join(" ", settings.jvmOptions()),
          settings.jar(), serviceLog);
      Path pyLog = out.resolve("fits2image.log");
      var setup = Fits2Image.find(settings.reference(), out.resolve("fits2image"), frame,
          out.resolve("fits2image/out.jpg"));
      if (setup.missing() != null) {
        log.println("fits2image skipped: no " + setup.missing() + "; only our side is measured");
      }
      try (var service = ServiceProcess.start(settings.jar(), settings.jvmOptions(), env, serviceLog);
           var requests = new ColdRequests(service, archive)) {
        var stageLog = new StageLog(serviceLog);
        log.printf("ready after %.2f s; %d cold renders after start …%n", service.startup().toMillis() / 1000.0,
            FIRST_RENDERS);
        double[] first = new double[FIRST_RENDERS];
        for (int i = 0; i < FIRST_RENDERS; i++) {
          first[i] = ColdRequests.ok(requests.mono(), "cold render " + (i + 1));
        }
        var ours = new LinkedHashMap<String, double[]>();
        var cpu = new LinkedHashMap<String, Cpu>();
        var theirs = setup.missing() == null ? new LinkedHashMap<String, double[]>() : null;
        var stageRuns = new LinkedHashMap<String, List<Map<String, Double>>>();
        for (String mode : MODES) {
          ours.put(mode, new double[settings.iterations()]);
          cpu.put(mode, new Cpu(0, 0, 0));
          stageRuns.put(mode, new ArrayList<>());
          if (theirs != null) {
            theirs.put(mode, new double[settings.iterations()]);
          }
        }
        log.printf("mono, median, colour in turns, ours then fits2image: %d warm-up + %d timed rounds …%n",
            settings.warmup(), settings.iterations());
        try (var python = theirs == null ? null : Fits2Image.start(setup, pyLog)) {
          for (int i = -settings.warmup(); i < settings.iterations(); i++) {
            for (String mode : MODES) {
              long mark = stageLog.mark();
              long serviceCpu = service.cpuMillis();
              long benchCpu = ServiceProcess.cpuMillis(ProcessHandle.current().pid());
              double ms = ColdRequests.ok(switch (mode) {
                case "mono" -> requests.mono();
                case "median" -> requests.median();
                default -> requests.colour();
              }, mode + " request");
              serviceCpu = service.cpuMillis() - serviceCpu;
              benchCpu = ServiceProcess.cpuMillis(ProcessHandle.current().pid()) - benchCpu;
              double f2i = Double.NaN;
              if (python != null) {
                service.awaitIdle();
                f2i = python.render(mode);
              }
              if (i >= 0) {
                ours.get(mode)[i] = ms;
                cpu.put(mode, cpu.get(mode).plus(serviceCpu, benchCpu));
                stageRuns.get(mode).addAll(stageLog.since(mark));
                if (theirs != null) {
                  theirs.get(mode)[i] = f2i;
                }
              }
            }
          }
        }
        var stages = new LinkedHashMap<String, Map<String, Double>>();
        stageRuns.forEach((mode, runs) -> stages.put(mode, StageLog.medians(runs)));

        log.println("hit path against the bare archive lookup …");
        var hits = new ArrayList<LoadDriver.Level>();
        var lookups = new ArrayList<LoadDriver.Level>();
        hitPath(service, archive, settings.hits(), hits, lookups);

        var levels = new ArrayList<ColdLoad.Level>();
        for (int clients : CLIENTS) {
          log.printf("cold load, %d client(s), %d s …%n", clients, settings.load().toSeconds());
          levels.add(ColdLoad.run(requests, service, clients, settings.load()));
        }
        long peakAfterLoad = service.peakRss();
        log.printf("overload, %d clients, %d s …%n", OVERLOAD_CLIENTS, settings.load().toSeconds());
        var overload = ColdLoad.run(requests, service, OVERLOAD_CLIENTS, settings.load());
        long peak = service.peakRss();
        service.close();

        Fits2Image.Throughput throughput = null;
        if (theirs != null) {
          int processes = Runtime.getRuntime().availableProcessors();
          log.printf("fits2image throughput: %d processes, %d s …%n", processes, settings.load().toSeconds());
          throughput = Fits2Image.throughput(setup, processes, settings.load(), pyLog);
        }
        return new Result(frame.getFileName().toString(), String.join(" ", settings.jvmOptions()), service.startup(),
            first, ours, cpu, theirs, setup.missing(), stages, hits, lookups, levels, overload, throughput, peakAfterLoad,
            peak);
      }
    } finally {
      vertx.close().await();
    }
  }

  /** Frame lookups and downloads of the benchmark frame, as the service will make them. */
  private static void warmArchive(BenchArchive archive) throws IOException, InterruptedException {
    try (var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
      for (int i = 0; i < ARCHIVE_WARMUP_DOWNLOADS; i++) {
        long id = archive.freshMono();
        var record = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(archive.baseUrl() + "frames/" + id
            + "/?include_related_frames=false")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String url = new io.vertx.core.json.JsonObject(record.body()).getString("url");
        http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding());
      }
    }
  }

  /** A stored thumbnail's JSON answer against the archive lookup the gateway makes for it, same connections. */
  private static void hitPath(ServiceProcess service, BenchArchive archive, Duration seconds,
                              List<LoadDriver.Level> hits, List<LoadDriver.Level> lookups) {
    String hit = service.url("/" + BenchArchive.HIT_FRAME + "/?width=" + ColdRequests.SIDE + "&height="
        + ColdRequests.SIDE);
    String lookup = archive.baseUrl() + "frames/" + BenchArchive.HIT_FRAME + "/?include_related_frames=false";
    Vertx clients = Vertx.vertx();
    try {
      var driver = new LoadDriver(clients);
      // The first request renders and stores it; then both paths are warmed before being timed.
      var warm = Duration.ofMillis(Math.min(2000, seconds.toMillis()));
      driver.run(hit, 1, Duration.ofMillis(1));
      driver.run(hit, 8, warm);
      driver.run(lookup, 8, warm);
      for (int connections : HIT_CONNECTIONS) {
        hits.add(driver.run(hit, connections, seconds));
        lookups.add(driver.run(lookup, connections, seconds));
      }
    } finally {
      clients.close().await();
    }
  }

  /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> old = Files.walk(dir)) {
      for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
