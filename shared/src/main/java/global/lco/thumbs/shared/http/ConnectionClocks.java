package global.lco.thumbs.shared.http;

import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The two clocks of one HTTP/1 connection. A request's line and headers must be complete within
 * the header timeout, counted from the connection's start or, for a later request, from its first
 * byte: a client trickling one byte at a time gains nothing. A connection with no request in
 * progress is closed after the idle timeout. (Vert.x's own idle timeout would also close a
 * connection whose request is still being worked on, and never stops a trickling client.)
 *
 * <p>They live in the connection's Netty pipeline, where the first byte of a request can be seen:
 * one handler ahead of the HTTP codec sees bytes, one behind it sees request heads and response
 * ends. Everything runs on the connection's event loop.
 */
final class ConnectionClocks {
  /** Vert.x's name for its connection handler, the last one in an HTTP/1 server pipeline. */
  private static final String VERTX_HANDLER = "handler";
  private static final byte[] REQUEST_TIMEOUT = response(408, "Request Timeout", "{\"message\":\"Request timeout\"}");

  private final ConnectionLimits limits;
  private final ThumbsMetrics metrics;
  private ChannelHandlerContext wire;
  private ScheduledFuture<?> headerDeadline;
  private ScheduledFuture<?> idleDeadline;
  /** Request heads received whose response has not ended yet. */
  private int unanswered;
  /** Bytes of the awaited request have arrived, so a 408 answers something the client sent. */
  private boolean requestStarted;

  private ConnectionClocks(ConnectionLimits limits, ThumbsMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
  }

  /** Starts the clocks of a connection just accepted (the header deadline of its first request runs from now). */
  static void install(Channel channel, ConnectionLimits limits, ThumbsMetrics metrics) {
    var clocks = new ConnectionClocks(limits, metrics);
    channel.pipeline().addFirst(clocks.new Bytes());
    channel.pipeline().addBefore(VERTX_HANDLER, null, clocks.new Exchanges());
  }

  /** Ahead of the codec: the first byte of a request starts its header deadline. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      wire = ctx;
      headerDeadline = schedule(limits.headerTimeout(), ConnectionClocks.this::headerTooSlow);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (unanswered == 0 && !requestStarted) {
        requestStarted = true;
        idleDeadline = cancel(idleDeadline);
        if (headerDeadline == null) {
          headerDeadline = schedule(limits.headerTimeout(), ConnectionClocks.this::headerTooSlow);
        }
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      headerDeadline = cancel(headerDeadline);
      idleDeadline = cancel(idleDeadline);
      ctx.fireChannelInactive();
    }
  }

  /** Behind the codec: a complete request head stops the header deadline, the end of the last response starts the idle one. */
  private final class Exchanges extends ChannelDuplexHandler {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpRequest) {
        unanswered++;
        requestStarted = false;
        headerDeadline = cancel(headerDeadline);
        idleDeadline = cancel(idleDeadline);
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      boolean interim = msg instanceof HttpResponse head && head.status().codeClass() == HttpStatusClass.INFORMATIONAL;
      if (msg instanceof LastHttpContent && !interim && unanswered > 0 && --unanswered == 0) {
        idleDeadline = schedule(limits.idleTimeout(), ConnectionClocks.this::idle);
      }
      ctx.write(msg, promise);
    }
  }

  private void headerTooSlow() {
    headerDeadline = null;
    metrics.httpConnectionTimedOut("header");
    if (requestStarted) {
      // Written at the head of the pipeline: the bytes go out as they are, past Vert.x and the codec.
      wire.writeAndFlush(Unpooled.wrappedBuffer(REQUEST_TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
    } else {
      wire.channel().close();
    }
  }

  private void idle() {
    idleDeadline = null;
    metrics.httpConnectionTimedOut("idle");
    wire.channel().close();
  }

  private ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return wire.executor().schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static ScheduledFuture<?> cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
    return null;
  }

  /** A whole HTTP/1.1 answer that closes the connection, with the JSON error body every answer of ours has (docs/api.md, errors). */
  private static byte[] response(int status, String reason, String json) {
    var body = json.getBytes(StandardCharsets.UTF_8);
    var head = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "Connection: close\r\n\r\n";
    var bytes = head.getBytes(StandardCharsets.US_ASCII);
    var all = new byte[bytes.length + body.length];
    System.arraycopy(bytes, 0, all, 0, bytes.length);
    System.arraycopy(body, 0, all, bytes.length, body.length);
    return all;
  }
}
