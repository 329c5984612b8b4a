package global.lco.thumbs.shared.upstream;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeoutException;

/**
 * The one mapping from what an upstream HTTP call (the archive API, a FITS download) gave back to
 * the failure a caller sees (docs/api.md, errors): used by the gateway's archive client and the
 * worker's FITS fetcher alike.
 */
public final class UpstreamFailures {
  private UpstreamFailures() {
  }

  /**
   * An answer that is not the success the caller expected: 404 is NOT_FOUND, any other 4xx is
   * passed through with its status (and the archive's JSON body, if any), everything else
   * (5xx, 1xx, 3xx, a 2xx of the wrong kind) is an UPSTREAM_ERROR.
   */
  public static Problem forStatus(int status, JsonObject body) {
    if (status == 404) {
      return Failure.NOT_FOUND.problem();
    }
    if (status >= 400 && status < 500) {
      return new Problem(Failure.ARCHIVE_REFUSED, status, Failure.ARCHIVE_REFUSED.publicMessage(), body);
    }
    return Failure.UPSTREAM_ERROR.problem();
  }

  /**
   * A call that failed without an answer: a timeout anywhere in the cause chain (Vert.x' idle and
   * request timeouts are {@link TimeoutException}s, Netty's connect timeout its own class) is an
   * UPSTREAM_TIMEOUT; a refused or reset connection or a broken body an UPSTREAM_ERROR. A
   * {@link Problem} (e.g. a size cap hit while streaming) is kept as it is.
   */
  public static Problem forTransport(Throwable err) {
    for (var cause = err; cause != null; cause = cause.getCause()) {
      if (cause instanceof Problem problem) {
        return problem;
      }
      if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
        return Failure.UPSTREAM_TIMEOUT.problem();
      }
    }
    return Failure.UPSTREAM_ERROR.problem();
  }
}
