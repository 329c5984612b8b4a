package global.lco.thumbs.shared.health;

import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.http.ConnectionLimits;

/**
 * Where a node serves {@code /health}, {@code /ready} and {@code /metrics} apart from its service
 * traffic ({@link ManagementVerticle}).
 *
 * @param host interface to bind (MANAGEMENT_HOST)
 * @param port TCP port, 0 = any free port (MANAGEMENT_PORT)
 * @param connections how long and how many connections it keeps (HTTP_* settings, as the gateway's port)
 */
public record ManagementConfig(String host, int port, ConnectionLimits connections) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  /** A render worker's default; the gateway serves the same paths on its HTTP port. */
  public static final int DEFAULT_WORKER_PORT = 8081;

  public static ManagementConfig fromEnv(Env env, int defaultPort) {
    return new ManagementConfig(env.string("MANAGEMENT_HOST", DEFAULT_HOST),
        env.integer("MANAGEMENT_PORT", defaultPort, 0, 65535), ConnectionLimits.fromEnv(env));
  }
}
