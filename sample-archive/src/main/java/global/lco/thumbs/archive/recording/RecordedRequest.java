package global.lco.thumbs.archive.recording;

import global.lco.thumbs.archive.routes.Route;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One request as the archive saw it. The token itself is never kept, only whether an
 * {@code Authorization} header was sent.
 *
 * @param query         the raw query string, or {@code ""}
 * @param frameId       the frame the request addressed (detail, headers, download), or {@code null}
 * @param authorization whether an {@code Authorization} header was present
 * @param accept        the {@code Accept} header, or {@code null}
 * @param host          the {@code Host} header, or {@code null}
 * @param range         the {@code Range} header, or {@code null} (a download of the whole file)
 */
public record RecordedRequest(Instant at, String method, String path, String query, Route route, Long frameId,
    boolean authorization, String accept, String host, String range) {

  /** {@code true} for a GET of a file (HEAD does not count as a download). */
  public boolean isDownload() {
    return route == Route.FILES && method.equals("GET");
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("at", at.toString())
        .put("method", method)
        .put("path", path)
        .put("query", query)
        .put("route", route.wireName())
        .put("frame_id", frameId)
        .put("authorization", authorization)
        .put("accept", accept)
        .put("host", host)
        .put("range", range);
  }
}
