package global.lco.thumbs.gateway.http;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Writes answers; every error is JSON (docs/api.md, errors), never an HTML page or a stack trace. */
final class Responses {
  /** Seconds a client should wait before retrying when the service is out of render capacity. */
  static final int RETRY_AFTER_SECONDS = 2;

  private Responses() {
  }

  static Future<Void> json(HttpServerResponse response, int status, JsonObject body) {
    return response.setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(body.encode());
  }

  /** Answers a failure; anything that is not a {@link Problem} is a bug and gets a bare 500 with the request id. */
  static Future<Void> problem(HttpServerResponse response, Throwable err, String requestId) {
    var problem = err instanceof Problem p ? p : Failure.INTERNAL.problem();
    var body = problem.toJson();
    if (problem.failure() == Failure.INTERNAL) {
      body.put("requestId", requestId);
    }
    if (problem.status() == 503) {
      response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    }
    return json(response, problem.status(), body);
  }
}
