package global.lco.thumbs.worker;

import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.worker.fits.FitsLimits;
import java.time.Duration;

/**
 * A render worker's limits (docs/configuration.md style: UPPER_SNAKE, validated at start).
 *
 * @param renderConcurrency renders running at once on this worker (each holds a decoded frame)
 * @param queueLength       jobs admitted beyond those (downloading or waiting for a render thread);
 *                          past this a job is refused as busy at once, never left to the event bus's buffer
 * @param maxSourceBytes    largest FITS download accepted
 * @param fitsLimits        what a FITS file's headers may declare: pixels, HDUs, header cards, tiles
 * @param downloadTimeout   FITS download timeout (also bounded by the job's deadline)
 * @param memoryBudget      heap bytes all running renders may hold together (estimated from FITS headers)
 * @param drainTimeout      on shutdown, how long running renders may take to finish
 * @param renderThreads     threads that one render's pixel stages share ({@code RENDER_THREADS}); all
 *                          renders of the worker share this one pool, so concurrent renders never oversubscribe it
 * @param frameCacheBytes   heap bytes of stretched full-resolution frames kept for other sizes of the same frame (0 = off)
 * @param warmConcurrency   warm jobs rendering at once, on render slots user jobs leave idle (0 = take none)
 * @param warmQueueLength   warm jobs waiting for an idle slot; past this a warm job is refused as busy
 * @param warmupRounds      rounds of renders of a made-up frame before the worker takes jobs (0 = none)
 */
public record RenderWorkerConfig(int renderConcurrency, int queueLength, long maxSourceBytes, FitsLimits fitsLimits, Duration downloadTimeout,
                                 long memoryBudget, Duration drainTimeout, int renderThreads, long frameCacheBytes,
                                 int warmConcurrency, int warmQueueLength, int warmupRounds) {
  public static final long DEFAULT_MAX_SOURCE_BYTES = 512L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  /** Jobs a worker holds beyond the running ones, per core (8 on 2 cores, so 8 clients wait in line rather than get 503s). */
  public static final int DEFAULT_QUEUE_PER_CORE = 4;
  public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  /**
   * Share of the maximum heap that renders may reserve by default; the rest is for the frame cache,
   * the file downloading ahead and Vert.x. With the launchers' heap (config/jvm-options.sh: 192 MiB
   * + 128 MiB per render, 320 MiB on 2 cores) that is 192 MiB: a cold 4k render (107 MiB), a colour
   * one of three (135 MiB) or the full-resolution IIIF composite of three 4k frames (178 MiB) fits.
   */
  public static final double DEFAULT_MEMORY_BUDGET_SHARE = 0.6;
  /**
   * The frame cache takes 1/5 of the maximum heap by default: 64 MiB of the launchers' 320 on 2
   * cores, three stretched 4k frames or one IIIF colour composite of three (51 MiB).
   */
  public static final long DEFAULT_FRAME_CACHE_HEAP_FRACTION = 5;
  /** One warm render at a time: on a small worker a second would take a core from the next user job. */
  public static final int DEFAULT_WARM_CONCURRENCY = 1;
  public static final int DEFAULT_WARM_QUEUE_LENGTH = 8;
  /** Warm-up rounds by default: enough for the JIT to compile the render's hot loops (see Warmup). */
  public static final int DEFAULT_WARMUP_ROUNDS = 6;

  public static RenderWorkerConfig fromEnv(Env env) {
    return new RenderWorkerConfig(
        env.integer("RENDER_CONCURRENCY", defaultConcurrency(), 1, 256),
        env.integer("RENDER_QUEUE_LENGTH", DEFAULT_QUEUE_PER_CORE * Runtime.getRuntime().availableProcessors(), 0, 512),
        env.longValue("FITS_MAX_BYTES", DEFAULT_MAX_SOURCE_BYTES, 2880, Integer.MAX_VALUE - 8),
        new FitsLimits(env.longValue("FITS_MAX_PIXELS", DEFAULT_MAX_PIXELS, 1, 1_000_000_000L),
            env.integer("FITS_MAX_HDUS", FitsLimits.DEFAULT_MAX_HDUS, 1, 1000),
            env.integer("FITS_MAX_HEADER_CARDS", FitsLimits.DEFAULT_MAX_HEADER_CARDS, 36, 1_000_000),
            env.longValue("FITS_MAX_TILES", FitsLimits.DEFAULT_MAX_TILES, 1, 10_000_000)),
        env.millis("FITS_DOWNLOAD_TIMEOUT_MS", DEFAULT_DOWNLOAD_TIMEOUT, 1, 600_000),
        env.longValue("RENDER_MEMORY_BUDGET_MB", defaultMemoryBudgetMiB(), 16, 1_048_576) * 1024 * 1024,
        env.millis("WORKER_DRAIN_TIMEOUT_MS", DEFAULT_DRAIN_TIMEOUT, 0, 600_000),
        env.integer("RENDER_THREADS", Runtime.getRuntime().availableProcessors(), 1, 1024),
        env.longValue("FRAME_CACHE_MB", defaultFrameCacheMiB(), 0, 1_048_576) * 1024 * 1024,
        env.integer("WARM_CONCURRENCY", DEFAULT_WARM_CONCURRENCY, 0, 64),
        env.integer("WARM_QUEUE_LENGTH", DEFAULT_WARM_QUEUE_LENGTH, 0, 1024),
        env.integer("RENDER_WARMUP_ROUNDS", DEFAULT_WARMUP_ROUNDS, 0, 1000));
  }

  /**
   * One render at a time per two cores: every render already spreads its decode and pixel stages
   * over all RENDER_THREADS, so a second one on 2 cores adds little throughput but a second 68 MB
   * frame of floats to the heap (config/jvm-options.sh sizes the heap from this).
   */
  public static int defaultConcurrency() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }

  /** Largest image (NAXIS1·NAXIS2) decoded. */
  public long maxPixels() {
    return fitsLimits.maxPixels();
  }

  /** Jobs this worker holds at once: rendering plus queued. */
  public int admitted() {
    return renderConcurrency + queueLength;
  }

  /** A fifth of the heap, next to the render budget's 60 %. */
  private static long defaultFrameCacheMiB() {
    return Runtime.getRuntime().maxMemory() / DEFAULT_FRAME_CACHE_HEAP_FRACTION / (1024 * 1024);
  }

  private static long defaultMemoryBudgetMiB() {
    return Math.max(16, (long) (Runtime.getRuntime().maxMemory() * DEFAULT_MEMORY_BUDGET_SHARE) / (1024 * 1024));
  }
}
