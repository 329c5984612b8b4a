package global.lco.thumbs.shared.http;

import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps one HTTP server's connections bounded in number and in time: at most
 * {@link ConnectionLimits#maxConnections()} open (one more is closed as soon as it is accepted,
 * before a byte of it is read), and {@link ConnectionClocks} on every other one. Install it as the
 * server's connection handler, on options passed through {@link #http1Only}.
 */
public final class ConnectionGuard implements Handler<HttpConnection> {
  private final ConnectionLimits limits;
  private final ThumbsMetrics metrics;
  // Connections are accepted on every event loop the server runs on.
  private final AtomicInteger open = new AtomicInteger();

  public ConnectionGuard(ConnectionLimits limits, ThumbsMetrics metrics) {
    this.limits = limits;
    this.metrics = metrics;
  }

  /**
   * HTTP/1.x only: with cleartext HTTP/2 on, Vert.x hands a connection over only once its first
   * bytes tell the protocol, so a client that connects and sends nothing would escape the guard.
   */
  public static HttpServerOptions http1Only(HttpServerOptions options) {
    return options.setHttp2ClearTextEnabled(false);
  }

  /** Connections this server holds open now. */
  public int open() {
    return open.get();
  }

  @Override
  public void handle(HttpConnection connection) {
    // Vert.x has no public way to a connection's Netty channel, which the clocks need to see a request's first byte.
    if (!(connection instanceof ConnectionBase netty)) {
      return;
    }
    var channel = netty.channel();
    if (!admit()) {
      metrics.httpConnectionRefused();
      channel.close();
      return;
    }
    metrics.httpConnectionsOpen().incrementAndGet();
    channel.closeFuture().addListener(closed -> {
      open.decrementAndGet();
      metrics.httpConnectionsOpen().decrementAndGet();
    });
    ConnectionClocks.install(channel, limits, metrics);
  }

  private boolean admit() {
    while (true) {
      int now = open.get();
      if (now >= limits.maxConnections()) {
        return false;
      }
      if (open.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }
}
