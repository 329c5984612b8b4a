package global.lco.thumbs.gateway.archive;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.upstream.UpstreamFailures;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Frame lookups against the archive API (docs/api.md, validation). The caller's Authorization goes with every
 * call, unchanged: the archive alone decides who may see a frame. Archive answers map to the
 * error table of docs/api.md, errors.
 */
public final class ArchiveClient {
  private static final Pattern ONE_FRAME = Pattern.compile(".*/frames/[0-9]+/(\\?.*)?");
  private final WebClient client;
  private final ArchiveConfig config;
  private final ThumbsMetrics metrics;

  public ArchiveClient(WebClient client, ArchiveConfig config, ThumbsMetrics metrics) {
    this.client = client;
    this.config = config;
    this.metrics = metrics;
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

  /**
   * First page of {@code GET frames/?request_id=&reduction_level=91}: a request's reduced frames,
   * newest first, from which colour thumbnails pick their filters (docs/colour.md).
   */
  public Future<JsonObject> framesOfRequest(long requestId, int pageSize, String authorization) {
    var request = client.getAbs(config.baseUrl() + "frames/")
        .addQueryParam("request_id", Long.toString(requestId))
        .addQueryParam("reduction_level", "91")
        .addQueryParam("limit", Integer.toString(pageSize));
    return call(request, authorization, config.requestTimeout());
  }

  /**
   * The list page a {@code next} link names. Only the link's query is used, sent to
   * ARCHIVE_API_URL's own frame list: the archive builds the link's scheme and host from headers a
   * proxy may rewrite, and the caller's Authorization must never follow it to another host.
   */
  public Future<JsonObject> nextFramesPage(String next, String authorization) {
    var request = client.getAbs(config.baseUrl() + "frames/");
    try {
      var query = URI.create(next).getRawQuery();
      if (query == null || query.isEmpty()) {
        return Future.failedFuture(Failure.UPSTREAM_ERROR.problem());
      }
      for (var pair : query.split("&")) {
        int eq = pair.indexOf('=');
        var name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        // call() adds this one itself; the link echoes it back.
        if (!name.isEmpty() && !name.equals("include_related_frames")) {
          request.addQueryParam(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    } catch (IllegalArgumentException malformed) {
      return Future.failedFuture(Failure.UPSTREAM_ERROR.problem());
    }
    return call(request, authorization, config.requestTimeout());
  }

  private Future<JsonObject> call(HttpRequest<Buffer> request, String authorization, Duration timeout) {
    request.putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
        .addQueryParam("include_related_frames", "false")
        .idleTimeout(timeout.toMillis())
        .connectTimeout(timeout.toMillis());
    if (authorization != null) {
      request.putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization);
    }
    long start = System.nanoTime();
    return request.send()
        // The idle timeout does not bound a trickling answer; this does.
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .recover(ArchiveClient::transportFailure)
        .compose(ArchiveClient::toJson)
        .andThen(done -> metrics.archiveCall(operation(request), outcome(done.cause()), System.nanoTime() - start));
  }

  /** {@code frame} for one frame by id, {@code frames} for a frame list query: never the ids themselves. */
  private static String operation(HttpRequest<Buffer> request) {
    return ONE_FRAME.matcher(request.uri()).matches() ? "frame" : "frames";
  }

  private static String outcome(Throwable failure) {
    if (failure == null) {
      return "ok";
    }
    if (!(failure instanceof Problem problem)) {
      return "error";
    }
    return switch (problem.failure()) {
      case NOT_FOUND -> "not_found";
      case ARCHIVE_REFUSED -> "refused";
      case UPSTREAM_TIMEOUT -> "timeout";
      default -> "error";
    };
  }

  private static Future<HttpResponse<Buffer>> transportFailure(Throwable err) {
    return Future.failedFuture(UpstreamFailures.forTransport(err));
  }

  private static Future<JsonObject> toJson(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      return Future.failedFuture(UpstreamFailures.forStatus(status, status / 100 == 4 ? jsonOrNull(response.body()) : null));
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
