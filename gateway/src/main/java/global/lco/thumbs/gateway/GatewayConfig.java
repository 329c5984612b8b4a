package global.lco.thumbs.gateway;

import global.lco.thumbs.gateway.archive.ArchiveConfig;
import global.lco.thumbs.gateway.archive.ValidationRules;
import global.lco.thumbs.gateway.warm.WarmConfig;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.http.ConnectionLimits;
import java.time.Duration;

/**
 * Everything a gateway needs to know, read from the environment (docs/configuration.md).
 *
 * @param httpHost        interface the HTTP server binds to
 * @param httpPort        HTTP port (0 = any free port, for tests)
 * @param maxSide         largest accepted width/height
 * @param requestDeadline how long one thumbnail request may take end to end
 * @param renderAttempt   timeout of one render attempt on one worker (a retry goes to another worker)
 * @param drainTimeout    on shutdown, how long requests already accepted may take to finish
 * @param quarantine      how long frames whose renders took two workers down are refused (0 = never)
 * @param connections     how long a client may take to send a request or stay idle, and how many connections are open at once
 * @param archive         archive API location and timeouts
 * @param rules           frame validation lists
 * @param orientation     THUMBNAIL_ORIENTATION: how requests without {@code orient} are turned
 * @param warm            warming at ingest: the archive's broker and what to render (off by default)
 * @param iiifLookupTtl   IIIF_LOOKUP_TTL_MS: how long a caller's archive lookup serves its IIIF requests (docs/iiif.md)
 */
public record GatewayConfig(String httpHost, int httpPort, int maxSide, Duration requestDeadline,
                            Duration renderAttempt, Duration drainTimeout, Duration quarantine,
                            ConnectionLimits connections, ArchiveConfig archive,
                            ValidationRules rules, OrientationMode orientation, WarmConfig warm,
                            Duration iiifLookupTtl) {
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_MAX_SIDE = 10_000;
  public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(60);
  public static final Duration DEFAULT_RENDER_ATTEMPT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_QUARANTINE = Duration.ofMinutes(10);
  public static final Duration DEFAULT_IIIF_LOOKUP_TTL = Duration.ofSeconds(10);

  public static GatewayConfig fromEnv(Env env) {
    int maxSide = env.integer("MAX_THUMBNAIL_SIDE", DEFAULT_MAX_SIDE, 1, 100_000);
    return new GatewayConfig(
        env.string("HTTP_HOST", "0.0.0.0"),
        env.integer("HTTP_PORT", DEFAULT_HTTP_PORT, 0, 65535),
        maxSide,
        env.millis("REQUEST_DEADLINE_MS", DEFAULT_REQUEST_DEADLINE, 100, 600_000),
        env.millis("RENDER_ATTEMPT_TIMEOUT_MS", DEFAULT_RENDER_ATTEMPT, 100, 600_000),
        env.millis("GATEWAY_DRAIN_TIMEOUT_MS", DEFAULT_DRAIN_TIMEOUT, 0, 600_000),
        env.millis("RENDER_QUARANTINE_MS", DEFAULT_QUARANTINE, 0, 86_400_000),
        ConnectionLimits.fromEnv(env),
        ArchiveConfig.fromEnv(env),
        ValidationRules.fromEnv(env),
        orientation(env),
        WarmConfig.fromEnv(env, maxSide),
        env.millis("IIIF_LOOKUP_TTL_MS", DEFAULT_IIIF_LOOKUP_TTL, 0, 300_000));
  }

  /** {@code legacy} (the drop-in default, fits2image 0.4.6's flip) or {@code wcs} (today's upstream default). */
  static OrientationMode orientation(Env env) {
    var value = env.string("THUMBNAIL_ORIENTATION", OrientationMode.DEFAULT.wireName());
    try {
      return OrientationMode.parse(value);
    } catch (IllegalArgumentException unknown) {
      env.problems().add("THUMBNAIL_ORIENTATION must be wcs or legacy, got '" + value + "'");
      return OrientationMode.DEFAULT;
    }
  }
}
