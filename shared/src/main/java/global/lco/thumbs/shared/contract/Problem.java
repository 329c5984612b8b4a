package global.lco.thumbs.shared.contract;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * A failure on its way to the caller: kind, HTTP status and public message, plus an optional
 * JSON body the archive sent (passed through under {@code "response"}).
 */
public final class Problem extends RuntimeException {
  private final Failure failure;
  private final int status;
  private final transient JsonObject archiveResponse;

  public Problem(Failure failure, int status, String message) {
    this(failure, status, message, null);
  }

  public Problem(Failure failure, int status, String message, JsonObject archiveResponse) {
    super(message, null, false, false);
    this.failure = failure;
    this.status = status;
    this.archiveResponse = archiveResponse;
  }

  public Failure failure() {
    return failure;
  }

  public int status() {
    return status;
  }

  public JsonObject archiveResponse() {
    return archiveResponse;
  }

  /** The JSON body of the error answer (docs/api.md, errors). */
  public JsonObject toJson() {
    var json = new JsonObject().put("message", getMessage());
    if (archiveResponse != null) {
      json.put("response", archiveResponse);
    }
    return json;
  }

  /** Rebuilds a worker's failure from an event-bus ReplyException's code and message. */
  public static Problem decode(int status, String encoded) {
    try {
      var json = new JsonObject(encoded);
      var failure = Failure.valueOf(json.getString("failure"));
      // A refusal passes the upstream's own 4xx through; every other kind has one fixed status.
      var passThrough = failure == Failure.ARCHIVE_REFUSED && status >= 400 && status < 500;
      return new Problem(failure, passThrough ? status : failure.status(),
          json.getString("message", failure.publicMessage()));
    } catch (DecodeException | IllegalArgumentException | NullPointerException | ClassCastException e) {
      return Failure.INTERNAL.problem();
    }
  }
}
