package global.lco.thumbs.worker;

import global.lco.thumbs.shared.config.Env;
import java.time.Duration;

/**
 * A render worker's limits (SPEC §7 style: UPPER_SNAKE, validated at start).
 *
 * @param renderConcurrency renders running at once on this worker (each holds a decoded frame)
 * @param maxSourceBytes    largest FITS download accepted
 * @param maxPixels         largest image (NAXIS1·NAXIS2) decoded
 * @param downloadTimeout   FITS download timeout (also bounded by the job's deadline)
 */
public record RenderWorkerConfig(int renderConcurrency, long maxSourceBytes, long maxPixels, Duration downloadTimeout) {
  public static final long DEFAULT_MAX_SOURCE_BYTES = 512L * 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(60);

  public static RenderWorkerConfig fromEnv(Env env) {
    return new RenderWorkerConfig(
        env.integer("RENDER_CONCURRENCY", Runtime.getRuntime().availableProcessors(), 1, 256),
        env.longValue("FITS_MAX_BYTES", DEFAULT_MAX_SOURCE_BYTES, 2880, Integer.MAX_VALUE - 8),
        env.longValue("FITS_MAX_PIXELS", DEFAULT_MAX_PIXELS, 1, 1_000_000_000L),
        env.millis("FITS_DOWNLOAD_TIMEOUT_MS", DEFAULT_DOWNLOAD_TIMEOUT, 1, 600_000));
  }
}
