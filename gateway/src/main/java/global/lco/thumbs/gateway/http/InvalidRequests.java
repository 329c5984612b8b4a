package global.lco.thumbs.gateway.http;

import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Requests the HTTP decoder could not parse (a request line or headers over the limits, bytes that
 * are not HTTP) get the same statuses as Vert.x's default handler, but as JSON like every other
 * error (docs/api.md, errors); the connection is then closed.
 */
public final class InvalidRequests {
  /** Long enough for any real request (a 256-character basename plus every parameter and a label). */
  public static final int MAX_REQUEST_LINE = 16 * 1024;

  private InvalidRequests() {
  }

  public static void handle(HttpServerRequest request) {
    var cause = request.decoderResult().cause();
    int status;
    String message;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      message = "Request line too long";
    } else if (cause instanceof TooLongFrameException) {
      status = 431;
      message = "Request headers too large";
    } else {
      status = 400;
      message = "Bad request";
    }
    request.response().setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .end(new JsonObject().put("message", message).encode())
        .onComplete(done -> request.connection().close());
  }
}
