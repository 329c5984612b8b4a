package global.lco.thumbs.shared.http;

import global.lco.thumbs.shared.config.Env;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How long a client may keep one of our HTTP servers' connections, and how many it keeps at once
 * ({@link ConnectionGuard}).
 *
 * @param headerTimeout  longest time a request's line and headers may take to arrive, counted from
 *                       the connection's start or, on a kept-alive connection, from the request's
 *                       first byte (HTTP_HEADER_TIMEOUT_MS)
 * @param idleTimeout    how long a connection with no request in progress stays open (HTTP_IDLE_TIMEOUT_MS)
 * @param maxConnections connections open at once; beyond it new ones are closed as soon as they are
 *                       accepted (HTTP_MAX_CONNECTIONS)
 */
public record ConnectionLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections) {
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** The default cap unless half the process's file descriptors is less. */
  public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

  public static ConnectionLimits fromEnv(Env env) {
    return new ConnectionLimits(
        env.millis("HTTP_HEADER_TIMEOUT_MS", DEFAULT_HEADER_TIMEOUT, 100, 600_000),
        env.millis("HTTP_IDLE_TIMEOUT_MS", DEFAULT_IDLE_TIMEOUT, 100, 3_600_000),
        env.integer("HTTP_MAX_CONNECTIONS", defaultMaxConnections(), 1, 1_000_000));
  }

  public static ConnectionLimits defaults() {
    return new ConnectionLimits(DEFAULT_HEADER_TIMEOUT, DEFAULT_IDLE_TIMEOUT, defaultMaxConnections());
  }

  /**
   * {@link #DEFAULT_MAX_CONNECTIONS}, or half the descriptors the process may open when that is
   * less: the other half stays for the local store's files, the archive and the cluster.
   */
  public static int defaultMaxConnections() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return (int) Math.max(1, Math.min(DEFAULT_MAX_CONNECTIONS, unix.getMaxFileDescriptorCount() / 2));
    }
    return DEFAULT_MAX_CONNECTIONS;
  }
}
