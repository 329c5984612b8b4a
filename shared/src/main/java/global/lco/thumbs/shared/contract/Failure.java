package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * Every way a request can fail, with the HTTP status and public message of docs/api.md, errors. Workers fail
 * event-bus messages with {@link #status()} as the failure code and {@link #encode(String)} as the
 * message; gateways turn them back with {@link Problem#decode(int, String)}.
 */
public enum Failure {
  BAD_PARAMETER(400, "Bad parameter", false),
  INVALID_FRAME(400, "Cannot generate thumbnail for given frame", false),
  NOT_FOUND(404, "Not found", false),
  COLOR_FRAMES_NOT_FOUND(404, "RVB frames not found", false),
  ARCHIVE_REFUSED(400, "Got error response", false),
  UPSTREAM_ERROR(502, "Got error response", false),
  UPSTREAM_TIMEOUT(504, "Timeout while accessing resource", false),
  UNREADABLE_FITS(422, "The file is not a readable FITS image", false),
  /** Larger than a worker's whole memory budget; a worker with a larger budget may still take it. */
  TOO_LARGE(422, "The frame is too large to render", true),
  /** Renders of these frames took their workers down twice: not dispatched again for a while. */
  QUARANTINED(422, "This frame could not be rendered", false),
  BUSY(503, "Busy, try again later", true),
  NO_WORKERS(503, "No render capacity, try again later", false),
  STORE_UNAVAILABLE(503, "Thumbnail store unavailable", false),
  INTERNAL(500, "Internal error", false);

  private final int status;
  private final String publicMessage;
  private final boolean retryable;

  Failure(int status, String publicMessage, boolean retryable) {
    this.status = status;
    this.publicMessage = publicMessage;
    this.retryable = retryable;
  }

  /** HTTP status the gateway answers with (ARCHIVE_REFUSED passes the archive's own 4xx through). */
  public int status() {
    return status;
  }

  /** Message safe to show a caller: no paths, URLs, tokens or stack traces. */
  public String publicMessage() {
    return publicMessage;
  }

  /** Whether another worker may succeed where this one failed (jobs are idempotent). */
  public boolean retryable() {
    return retryable;
  }

  /** Event-bus failure message: this failure plus a public detail (e.g. what is wrong with a file). */
  public String encode(String detail) {
    return new JsonObject().put("failure", name()).put("message", detail == null ? publicMessage : detail).encode();
  }

  public Problem problem() {
    return new Problem(this, status, publicMessage);
  }

  public Problem problem(String message) {
    return new Problem(this, status, message);
  }
}
