package global.lco.thumbs.shared.health;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
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

  /**
   * The {@code /ready} answer of every node, gateway or worker: 200 with the checks, or 503 with
   * {@code Retry-After: 1} and the checks; checks that could not be made at all are not ready.
   */
  public static void answer(HttpServerResponse response, AsyncResult<Readiness> checked) {
    var readiness = checked.succeeded() ? checked.result() : new Readiness(false, new JsonObject());
    if (!readiness.ready()) {
      response.putHeader(HttpHeaders.RETRY_AFTER, "1");
    }
    response.setStatusCode(readiness.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(readiness.toJson().encode());
  }
}
