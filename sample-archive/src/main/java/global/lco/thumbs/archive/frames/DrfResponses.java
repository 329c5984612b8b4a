package global.lco.thumbs.archive.frames;

import global.lco.thumbs.archive.http.Reply;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/** Answers as DRF renders them: compact JSON, or the browsable API's HTML when negotiation chose it. */
final class DrfResponses {
  static final String NO_FRAME = "No Frame matches the given query.";
  static final String NOT_FOUND = "Not found.";

  private DrfResponses() {
  }

  static Reply render(Negotiation.Renderer renderer, int status, Object body) {
    var reply = renderer == Negotiation.Renderer.HTML
        ? Reply.of(status, "text/html; charset=utf-8", browsable(status, body))
        : Reply.json(status, body);
    return reply.withHeader("Vary", "Accept").withHeader("Allow", "GET, HEAD, OPTIONS");
  }

  static Reply detail(Negotiation.Renderer renderer, int status, String detail) {
    return render(renderer, status, new JsonObject().put("detail", detail));
  }

  static Reply notAcceptable() {
    return detail(Negotiation.Renderer.JSON, 406, "Could not satisfy the request Accept header.");
  }

  /** A much reduced browsable API page: what a client that asked for HTML would have to parse. */
  private static String browsable(int status, Object body) {
    var text = "HTTP " + status + " " + HttpResponseStatus.valueOf(status).reasonPhrase()
        + "\nAllow: GET, HEAD, OPTIONS\nContent-Type: application/json\nVary: Accept\n\n" + Json.encodePrettily(body);
    var escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return "<!DOCTYPE html>\n<html>\n<head>\n<title>Frame - Django REST framework</title>\n</head>\n<body>\n"
        + "<div class=\"response-info\"><pre class=\"prettyprint\">" + escaped + "</pre></div>\n</body>\n</html>\n";
  }
}
