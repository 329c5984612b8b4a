package global.lco.thumbs.shared.health;

import io.vertx.core.json.JsonObject;

/**
 * A node's answer to "may I send you work?": ready or not, with the checks that decided it, so an
 * operator sees why at a glance ({@code {"status":"NOT_READY","workers":0,"store":true}}).
 */
public record Readiness(boolean ready, JsonObject checks) {

  /** HTTP status of the {@code /ready} answer: 200 or 503. */
  public int status() {
    return ready ? 200 : 503;
  }

  public JsonObject toJson() {
    return new JsonObject().put("status", ready ? "READY" : "NOT_READY").mergeIn(checks);
  }
}
