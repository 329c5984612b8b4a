package global.lco.thumbs.bench;

import global.lco.thumbs.app.ThumbsConfig;
import global.lco.thumbs.app.ThumbsService;
import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.archive.TestData;
import global.lco.thumbs.archive.broker.LocalBroker;
import global.lco.thumbs.shared.cluster.NodeOptions;
import global.lco.thumbs.shared.metrics.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Warming at ingest, measured (docs/warming.md): a private broker, the sample archive announcing a
 * backlog of frames, and the single-machine service (2 render slots, 1 warm slot) answering users
 * meanwhile. Prints warm throughput, the users' p50/p99 with the service idle and during the
 * backlog, and how long the listener takes to recover from a broker restart mid-stream.
 * Usage: {@code java -cp bench/target/thumbs-bench.jar global.lco.thumbs.bench.WarmBench [options]}.
 */
public final class WarmBench {

  /**
   * @param frames        frames announced at once (the backlog)
   * @param restartFrames frames announced around the broker restart
   * @param clients       users' closed-loop clients
   * @param seconds       length of each users' phase (idle, then during the backlog)
   * @param fits          the frame every backlog frame is a copy of
   * @param tiled         {@code WxH} to tile {@code fits} up to that size first (e.g. 4160x4096, a Sinistro frame), or null
   */
  record Options(int frames, int restartFrames, int clients, double seconds, Path out, Path fits, String tiled) {
    static Options parse(String[] args) {
      int frames = 500;
      int restart = 40;
      int clients = 4;
      double seconds = 10;
      Path out = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "target", "warm-bench")
          : Path.of(System.getProperty("java.io.tmpdir"), "thumbs-warm-bench");
      Path fits = TestData.fits("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");
      String tiled = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--frames" -> frames = Integer.parseInt(args[++i]);
          case "--restart-frames" -> restart = Integer.parseInt(args[++i]);
          case "--clients" -> clients = Integer.parseInt(args[++i]);
          case "--seconds" -> seconds = Double.parseDouble(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--fits" -> fits = Path.of(args[++i]);
          case "--tiled" -> tiled = args[++i];
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --frames N --restart-frames N --clients N --seconds S --out DIR --fits FILE --tiled WxH");
        }
      }
      return new Options(frames, restart, clients, seconds, out, fits, tiled);
    }
  }

  /**
   * @param throughput       backlog frames settled per second, from the first announcement to the last settled
   * @param idleThroughput   the same after the users' phase ended (warming alone)
   * @param idleAfter        the users alone again once the backlog is done: with {@code idle} it brackets the
   *                         backlog phase, so a machine whose other load changed meanwhile shows it
   * @param leftAfterPhase   backlog messages not settled yet when the users' phase ended (it must be > 0 to count)
   * @param brokerDownMs     broker stop to broker accepting connections again
   * @param reconnectMs      broker accepting again to the listener consuming again
   * @param recoveredMs      broker accepting again to every restart frame settled
   * @param restartHits      restart frames whose thumbnail a request then found stored
   */
  record Report(double throughput, double idleThroughput, UserTraffic.Phase idle, UserTraffic.Phase backlog,
                UserTraffic.Phase idleAfter, long leftAfterPhase, long brokerDownMs, long reconnectMs, long recoveredMs, int restartFrames,
                long restartHits) {
  }

  /** Frames warmed, with users asking, before anything is measured: both paths JIT-compiled alike. */
  static final int WARMUP_FRAMES = 50;

  private WarmBench() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    var unavailable = LocalBroker.unavailable();
    if (unavailable != null) {
      System.err.println("WarmBench needs a broker: " + unavailable);
      System.exit(2);
    }
    // The service's per-request and per-render lines would cost the users' latency more than warming does.
    for (var name : new String[] {"global.lco.thumbs", "thumbs"}) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name)).setLevel(ch.qos.logback.classic.Level.WARN);
    }
    run(Options.parse(args), System.out);
    System.exit(0);
  }

  static Report run(Options options, PrintStream log) throws IOException, InterruptedException {
    Files.createDirectories(options.out());
    int total = WARMUP_FRAMES + options.frames() + options.restartFrames() + 1;
    var fits = options.fits();
    if (options.tiled() != null) {
      var size = options.tiled().split("x");
      fits = BenchFrames.tiled(fits, options.out().resolve("frames"), Integer.parseInt(size[0]), Integer.parseInt(size[1])).file();
    }
    var data = BacklogData.create(options.out().resolve("data-" + fits.getFileName()), fits, total);
    long usersFrame = BacklogData.FIRST_ID + total - 1;
    var brokerDir = Files.createTempDirectory(options.out(), "broker-");
    try (var broker = LocalBroker.start(brokerDir)) {
      var vertx = Vertx.vertx(NodeOptions.defaults());
      try {
        var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setDataDir(data)
            .setBrokerUrl(broker.url()).setExchange("bench-archived")).await();
        var service = ThumbsService.start(vertx, ThumbsConfig.fromEnv(env(archive, broker, options))).await();
        var registry = Metrics.registry(vertx);
        await(Duration.ofSeconds(30), () -> gauge(registry, "thumbs.warm.connected") == 1);
        var users = new UserTraffic("http://127.0.0.1:" + service.port() + "/", usersFrame);
        users.prepare();
        long firstFrame = BacklogData.FIRST_ID + WARMUP_FRAMES;
        log.printf("warming up: %d frames warmed while users ask, then users alone (not reported) …%n", WARMUP_FRAMES);
        for (int i = 0; i < WARMUP_FRAMES; i++) {
          archive.ingest(BacklogData.FIRST_ID + i).await();
        }
        users.run(options.clients(), Duration.ofSeconds(5));
        await(Duration.ofMinutes(10), () -> settled(registry) >= WARMUP_FRAMES);
        users.run(options.clients(), Duration.ofSeconds(5));
        var seconds = Duration.ofMillis((long) (options.seconds() * 1000));

        log.printf("users alone: %d clients for %.0f s …%n", options.clients(), options.seconds());
        var idle = users.run(options.clients(), seconds);

        log.printf("announcing %d frames, users again meanwhile …%n", options.frames());
        long t0 = System.nanoTime();
        double settledBefore = settled(registry);
        for (int i = 0; i < options.frames(); i++) {
          archive.ingest(firstFrame + i).await();
        }
        var backlog = users.run(options.clients(), seconds);
        long phaseEnd = System.nanoTime();
        long settledAtPhaseEnd = (long) (settled(registry) - settledBefore);
        await(Duration.ofMinutes(30), () -> settled(registry) - settledBefore >= options.frames());
        long drained = System.nanoTime();
        double throughput = options.frames() / ((drained - t0) / 1e9);
        double idleThroughput = (options.frames() - settledAtPhaseEnd) / ((drained - phaseEnd) / 1e9);
        log.printf("users alone again for %.0f s …%n", options.seconds());
        var idleAfter = users.run(options.clients(), seconds);

        log.printf("broker restart with %d frames announced …%n", options.restartFrames());
        double before = settled(registry);
        for (int i = 0; i < options.restartFrames(); i++) {
          archive.ingest(firstFrame + options.frames() + i).await();
        }
        await(Duration.ofMinutes(2), () -> settled(registry) >= before + options.restartFrames() / 4.0);
        long stopped = System.nanoTime();
        broker.stop();
        broker.start();
        long up = System.nanoTime();
        await(Duration.ofMinutes(2), () -> gauge(registry, "thumbs.warm.connected") == 1);
        long reconnected = System.nanoTime();
        await(Duration.ofMinutes(5), () -> settled(registry) >= before + options.restartFrames());
        long recovered = System.nanoTime();
        double hitsBefore = counter(registry, "thumbs.cache.lookups", "result", "hit");
        for (int i = 0; i < options.restartFrames(); i++) {
          users.get(firstFrame + options.frames() + i);
        }
        long hits = (long) (counter(registry, "thumbs.cache.lookups", "result", "hit") - hitsBefore);
        var report = new Report(throughput, idleThroughput, idle, backlog, idleAfter, options.frames() - settledAtPhaseEnd,
            (up - stopped) / 1_000_000, (reconnected - up) / 1_000_000, (recovered - up) / 1_000_000,
            options.restartFrames(), hits);
        print(log, options, report);
        service.close().await();
        archive.close().await();
        return report;
      } finally {
        vertx.close().await();
      }
    }
  }

  private static HashMap<String, String> env(SampleArchive archive, LocalBroker broker, Options options)
      throws IOException {
    var env = new HashMap<String, String>();
    env.put("ARCHIVE_API_URL", archive.baseUrl());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", Integer.toString(InProcessService.freePort()));
    env.put("THUMBNAIL_DIR", Files.createTempDirectory(options.out(), "thumbnails-").toString());
    env.put("RENDER_CONCURRENCY", "2");
    env.put("WARM_BROKER_URL", broker.url());
    env.put("WARM_EXCHANGE", "bench-archived");
    env.put("WARM_COLOUR", "false");
    return env;
  }

  private static void print(PrintStream log, Options options, Report r) {
    log.println();
    log.printf(Locale.ROOT, "| users (%d clients, 1 in 5 a render) | requests | p50 ms | p99 ms | max ms |%n", options.clients());
    log.println("| --- | ---: | ---: | ---: | ---: |");
    log.printf(Locale.ROOT, "| service idle | %d | %.1f | %.1f | %.1f |%n", r.idle().requests(), r.idle().p50(),
        r.idle().p99(), r.idle().max());
    log.printf(Locale.ROOT, "| during a %d-frame warm backlog (%d still waiting at the end) | %d | %.1f | %.1f | %.1f |%n",
        options.frames(), r.leftAfterPhase(), r.backlog().requests(), r.backlog().p50(), r.backlog().p99(), r.backlog().max());
    log.printf(Locale.ROOT, "| service idle again, after the backlog | %d | %.1f | %.1f | %.1f |%n", r.idleAfter().requests(),
        r.idleAfter().p50(), r.idleAfter().p99(), r.idleAfter().max());
    log.printf(Locale.ROOT, "p99 during the backlog / idle before: %.2f, / idle after: %.2f (user errors %d)%n",
        r.backlog().p99() / r.idle().p99(), r.backlog().p99() / r.idleAfter().p99(),
        r.idle().errors() + r.backlog().errors() + r.idleAfter().errors());
    log.printf(Locale.ROOT, "warm throughput: %.1f frames/s over the whole backlog, %.1f frames/s with no users%n",
        r.throughput(), r.idleThroughput());
    log.printf(Locale.ROOT, "broker restart: down %d ms; listener consuming again %d ms after the broker was back;"
        + " all %d frames settled %d ms after; %d of %d then found stored by a request%n", r.brokerDownMs(),
        r.reconnectMs(), r.restartFrames(), r.recoveredMs(), r.restartHits(), r.restartFrames());
  }

  private static double settled(MeterRegistry registry) {
    return registry.find("thumbs.warm.messages").counters().stream().mapToDouble(Counter::count).sum();
  }

  private static double counter(MeterRegistry registry, String name, String tag, String value) {
    var c = registry.find(name).tag(tag, value).counter();
    return c == null ? 0 : c.count();
  }

  private static double gauge(MeterRegistry registry, String name) {
    var g = registry.find(name).gauge();
    return g == null ? 0 : g.value();
  }

  private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("gave up waiting after " + timeout);
      }
      Thread.sleep(20);
    }
  }

}
