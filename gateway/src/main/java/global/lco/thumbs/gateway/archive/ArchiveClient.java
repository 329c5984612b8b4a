package global.lco.thumbs.gateway.archive;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Frame lookups against the archive API (SPEC §2). The caller's Authorization goes with every
 * call, unchanged: the archive alone decides who may see a frame. Archive answers map to the
 * error table of SPEC §1.3.
 */
public final class ArchiveClient {
  private final WebClient client;
  private final ArchiveConfig config;

  public ArchiveClient(WebClient client, ArchiveConfig config) {
    this.client = client;
    this.config = config;
  }

  /** {@code GET frames/{id}/}. */
  public Future<ArchiveFrame> frameById(long id, String authorization) {
    var request = client.getAbs(config.baseUrl() + "frames/" + id + "/");
    return call(request, authorization, config.frameTimeout()).map(ArchiveFrame::new);
  }

  /** {@code GET frames/?basename_exact=}: exactly one result, else 404. */
  public Future<ArchiveFrame> frameByBasename(String basename, String authorization) {
    var request = client.getAbs(config.baseUrl() + "frames/").addQueryParam("basename_exact", basename);
    return call(request, authorization, config.frameTimeout()).compose(page -> {
      var results = page.getJsonArray("results");
      var count = page.getValue("count");
      // count is a long and may be an estimate: trust it only together with the results.
      if (!(count instanceof Number n) || n.longValue() != 1 || results == null || results.size() != 1
          || !(results.getValue(0) instanceof JsonObject frame)) {
        return Future.failedFuture(Failure.NOT_FOUND.problem());
      }
      return Future.succeededFuture(new ArchiveFrame(frame));
    });
  }

  private Future<JsonObject> call(HttpRequest<Buffer> request, String authorization, Duration timeout) {
    request.putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
        .addQueryParam("include_related_frames", "false")
        .idleTimeout(timeout.toMillis())
        .connectTimeout(timeout.toMillis());
    if (authorization != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization);
    }
    return request.send()
        // The idle timeout does not bound a trickling answer; this does.
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .recover(ArchiveClient::transportFailure)
        .compose(ArchiveClient::toJson);
  }

  private static Future<HttpResponse<Buffer>> transportFailure(Throwable err) {
    var timedOut = err instanceof TimeoutException || err.getClass().getSimpleName().contains("Timeout");
    return Future.failedFuture(timedOut ? Failure.UPSTREAM_TIMEOUT.problem() : Failure.UPSTREAM_ERROR.problem());
  }

  private static Future<JsonObject> toJson(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status == 404) {
      return Future.failedFuture(Failure.NOT_FOUND.problem());
    }
    if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
      return Future.failedFuture(Failure.UPSTREAM_ERROR.problem());
    }
    if (status >= 400) {
      return Future.failedFuture(new Problem(Failure.ARCHIVE_REFUSED, status,
          Failure.ARCHIVE_REFUSED.publicMessage(), jsonOrNull(response.body())));
    }
    var json = jsonOrNull(response.body());
    return json == null ? Future.failedFuture(Failure.UPSTREAM_ERROR.problem()) : Future.succeededFuture(json);
  }

  private static JsonObject jsonOrNull(Buffer body) {
    if (body == null) {
      return null;
    }
    try {
      return body.toJsonObject();
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
