package global.lco.thumbs.archive.http;

import io.vertx.core.http.HttpServerRequest;

/** Absolute URLs as Django builds them: scheme and host from the request itself. */
public final class RequestBase {
  private RequestBase() {
  }

  /** {@code scheme://host[:port]/}, from {@code Host} (and {@code X-Forwarded-Proto} behind a proxy). */
  public static String of(HttpServerRequest request) {
    var proto = request.getHeader("X-Forwarded-Proto");
    var scheme = proto != null && !proto.isBlank() ? proto.split(",")[0].trim() : request.scheme();
    var host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      host = request.authority() != null ? request.authority().toString() : request.localAddress().toString();
    }
    return scheme + "://" + host + "/";
  }
}
