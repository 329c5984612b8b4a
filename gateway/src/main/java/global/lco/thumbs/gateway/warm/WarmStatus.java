package global.lco.thumbs.gateway.warm;

import io.vertx.core.json.JsonObject;

/**
 * What the gateway's {@code /ready} says about the ingest listener. Written by the listener's
 * event loop, read by the HTTP server's: hence volatile.
 */
public final class WarmStatus {
  private final boolean enabled;
  private volatile boolean connected;

  private WarmStatus(boolean enabled) {
    this.enabled = enabled;
  }

  public static WarmStatus disabled() {
    return new WarmStatus(false);
  }

  public static WarmStatus of(WarmConfig config) {
    return new WarmStatus(config.enabled());
  }

  void connected(boolean yes) {
    connected = yes;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean connected() {
    return connected;
  }

  /**
   * Adds {@code "warm": "connected" | "disconnected"} when warming is on. It does not make the
   * gateway unready: requests are served the same with the broker away (see docs/warming.md).
   */
  public void addTo(JsonObject checks) {
    if (enabled) {
      checks.put("warm", connected ? "connected" : "disconnected");
    }
  }
}
