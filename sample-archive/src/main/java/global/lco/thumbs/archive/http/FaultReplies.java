package global.lco.thumbs.archive.http;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The answer a {@link Fault.Mode#STATUS} fault gives: the body the real stack sends for that status. */
public final class FaultReplies {
  private FaultReplies() {
  }

  public static Reply status(Fault fault) {
    var reply = canned(fault.route(), fault.status(), fault.retryAfterSeconds());
    if (fault.body() != null) {
      var type = fault.contentType() == null ? "text/plain; charset=utf-8" : fault.contentType();
      reply = reply.withBody(type, Buffer.buffer(fault.body().getBytes(StandardCharsets.UTF_8)));
    }
    if (fault.status() == 429 || fault.status() == 503) {
      reply = reply.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
    }
    return reply;
  }

  private static Reply canned(Route route, int status, int retryAfter) {
    if (route == Route.FILES) {
      switch (status) {
        case 403 -> {
          return S3Errors.accessDenied("Access Denied", Map.of());
        }
        case 404 -> {
          return S3Errors.error(404, "NoSuchKey", "The specified key does not exist.", Map.of());
        }
        case 500 -> {
          return S3Errors.internalError();
        }
        case 503 -> {
          return S3Errors.slowDown();
        }
        default -> {
          // proxies and anything else: as on the API
        }
      }
    }
    return switch (status) {
      case 500 -> Reply.of(500, "text/html", Pages.DJANGO_500);
      case 502, 503, 504 -> Reply.of(status, "text/html", Pages.nginx(status, reason(status)));
      case 401 -> Reply.json(401, detail("Invalid token.")).withHeader("WWW-Authenticate", "Token");
      case 403 -> Reply.json(403, detail("You do not have permission to perform this action."));
      case 404 -> Reply.json(404, detail("No Frame matches the given query."));
      case 429 -> Reply.json(429, detail("Request was throttled. Expected available in " + retryAfter + " seconds."));
      default -> Reply.json(status, detail(reason(status)));
    };
  }

  private static JsonObject detail(String text) {
    return new JsonObject().put("detail", text);
  }

  private static String reason(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
