package global.lco.thumbs.gateway.archive;

import global.lco.thumbs.shared.config.Env;
import java.time.Duration;

/**
 * Where the archive API is and how long its calls may take (docs/api.md, validation).
 *
 * @param baseUrl        ARCHIVE_API_URL, always ending in '/'
 * @param frameTimeout   frame and basename lookups
 * @param requestTimeout the colour siblings query
 */
public record ArchiveConfig(String baseUrl, Duration frameTimeout, Duration requestTimeout) {
  public static final String DEFAULT_BASE_URL = "https://archive-api.lco.global/";
  public static final Duration DEFAULT_FRAME_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public static ArchiveConfig fromEnv(Env env) {
    return new ArchiveConfig(
        env.httpUrl("ARCHIVE_API_URL", DEFAULT_BASE_URL, true),
        env.millis("ARCHIVE_TIMEOUT_MS", DEFAULT_FRAME_TIMEOUT, 1, 600_000),
        env.millis("ARCHIVE_REQUEST_FRAMES_TIMEOUT_MS", DEFAULT_REQUEST_TIMEOUT, 1, 600_000));
  }
}
