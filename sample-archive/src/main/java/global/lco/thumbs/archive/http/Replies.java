package global.lco.thumbs.archive.http;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.archive.faults.Fault;
import io.netty.channel.ChannelOption;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.Random;

/**
 * Delivers a {@link Reply}: headers, then the body, or for HEAD only the headers (with the
 * {@code Content-Length} the GET would have). A body fault left by {@link FaultHandler} changes
 * how the body goes out.
 */
public final class Replies {
  private Replies() {
  }

  public static void send(RoutingContext ctx, Reply reply) {
    var response = ctx.response();
    if (response.closed() || response.ended()) {
      return;
    }
    Fault fault = ctx.get(FaultHandler.BODY_FAULT);
    var body = reply.body();
    if (fault != null && fault.mode() == Fault.Mode.CORRUPT) {
      body = corrupt(ctx.get(RequestRecorder.ROUTE), body);
    }
    response.setStatusCode(reply.status());
    reply.headers().forEach(response::putHeader);
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader("Content-Length", String.valueOf(body.length())).end();
      return;
    }
    if (fault == null || fault.mode() == Fault.Mode.CORRUPT) {
      response.end(body);
      return;
    }
    switch (fault.mode()) {
      case TRICKLE -> trickle(ctx, response, body, fault);
      case TRUNCATE -> {
        response.putHeader("Content-Length", String.valueOf(body.length()));
        response.write(body.getBuffer(0, body.length() / 2))
            .onComplete(done -> ctx.request().connection().close());
      }
      case RESET -> {
        response.setChunked(true);
        response.write(body.getBuffer(0, body.length() / 2))
            // A moment for the half body to reach the client before the reset tears the connection down.
            .onComplete(done -> ctx.vertx().setTimer(50, id -> reset(ctx.request())));
      }
      default -> response.end(body);
    }
  }

  private static void trickle(RoutingContext ctx, HttpServerResponse response, Buffer body, Fault fault) {
    response.putHeader("Content-Length", String.valueOf(body.length()));
    int chunk = fault.chunkBytes();
    long interval = Math.max(1, fault.chunkInterval().toMillis());
    var position = new int[] {0};
    long timer = ctx.vertx().setPeriodic(0, interval, id -> {
      if (response.closed()) {
        ctx.vertx().cancelTimer(id);
        return;
      }
      int end = Math.min(body.length(), position[0] + chunk);
      var piece = body.getBuffer(position[0], end);
      position[0] = end;
      if (end == body.length()) {
        ctx.vertx().cancelTimer(id);
        response.end(piece);
      } else {
        response.write(piece);
      }
    });
    response.closeHandler(closed -> ctx.vertx().cancelTimer(timer));
  }

  /** A TCP reset (SO_LINGER 0) where the transport allows it, else a plain close. */
  private static void reset(HttpServerRequest request) {
    var connection = request.connection();
    if (connection instanceof ConnectionBase base) {
      base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    connection.close();
  }

  /** Downloads get deterministic noise of the same length; JSON and pages are cut in half. */
  private static Buffer corrupt(Route route, Buffer body) {
    if (route != Route.FILES) {
      return body.getBuffer(0, body.length() / 2);
    }
    var noise = new byte[body.length()];
    new Random(body.length()).nextBytes(noise);
    return Buffer.buffer(noise);
  }
}
