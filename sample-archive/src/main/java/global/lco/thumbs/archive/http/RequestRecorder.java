package global.lco.thumbs.archive.http;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.recording.RecordedRequest;
import global.lco.thumbs.archive.recording.RequestLog;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * First handler of every archive request: works out the route kind and the frame addressed
 * (stored in the routing context for the fault and route handlers) and records the request.
 */
public final class RequestRecorder implements Handler<RoutingContext> {
  public static final String ROUTE = "sample-archive.route";
  public static final String FRAME_ID = "sample-archive.frame-id";
  public static final String FILES_PREFIX = "/files/";
  private static final Pattern FRAME_PATH = Pattern.compile("^/frames/(\\d{1,18})(/.*)?$");

  private final RequestLog log;
  private final Function<String, Long> frameIdForObjectKey;
  private final Clock clock;

  /** @param frameIdForObjectKey the frame a download path belongs to, or {@code null} */
  public RequestRecorder(RequestLog log, Function<String, Long> frameIdForObjectKey, Clock clock) {
    this.log = log;
    this.frameIdForObjectKey = frameIdForObjectKey;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var request = ctx.request();
    var path = ctx.normalizedPath();
    var route = Route.of(path);
    Long frameId = null;
    if (route == Route.FRAMES) {
      var m = FRAME_PATH.matcher(path);
      frameId = m.matches() ? Long.valueOf(m.group(1)) : null;
    } else if (route == Route.FILES) {
      frameId = frameIdForObjectKey.apply(path.substring(FILES_PREFIX.length()));
    }
    ctx.put(ROUTE, route);
    ctx.put(FRAME_ID, frameId);
    var query = request.query();
    log.add(new RecordedRequest(clock.instant(), request.method().name(), path, query == null ? "" : query, route,
        frameId, request.getHeader("Authorization") != null, request.getHeader("Accept"), request.getHeader("Host"),
        request.getHeader("Range")));
    ctx.next();
  }
}
