package global.lco.thumbs.gateway.warm;

import global.lco.thumbs.shared.metrics.WarmMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQMessage;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link BrokerSession} open: opens one at start, checks it every {@value #WATCH_MS} ms,
 * and when it breaks (broker restarted, connection dropped, channel closed) opens a new one after
 * {@code WARM_RECONNECT_MS}, doubling up to 2 s while the broker stays away. Status and the
 * {@code thumbs_warm_connected} gauge follow it. Confined to the listener's event loop.
 */
public final class BrokerLink {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);
  static final long WATCH_MS = 250;

  private final Vertx vertx;
  private final WarmConfig config;
  private final WarmStatus status;
  private final WarmMetrics metrics;
  private final BiConsumer<BrokerSession, RabbitMQMessage> onMessage;
  private BrokerSession session;
  private long reconnectDelayMs;
  private long watchTimer = -1;
  private long reconnectTimer = -1;
  private boolean connecting;
  private boolean stopped;
  private boolean everConnected;
  private long lostAt;
  private int failedTries;

  public BrokerLink(Vertx vertx, WarmConfig config, WarmStatus status, WarmMetrics metrics,
             BiConsumer<BrokerSession, RabbitMQMessage> onMessage) {
    this.vertx = vertx;
    this.config = config;
    this.status = status;
    this.metrics = metrics;
    this.onMessage = onMessage;
    this.reconnectDelayMs = config.reconnectDelay().toMillis();
  }

  /** Starts connecting; never fails: a broker that is away now is tried again and again. */
  public void start() {
    connect();
    watchTimer = vertx.setPeriodic(WATCH_MS, id -> watch());
  }

  /** The session messages are settled on now, or null while disconnected. */
  public BrokerSession current() {
    return session;
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(watchTimer);
    vertx.cancelTimer(reconnectTimer);
    var s = session;
    session = null;
    connected(false);
    return s == null ? Future.succeededFuture() : s.close();
  }

  private void connect() {
    if (stopped || connecting) {
      return;
    }
    connecting = true;
    BrokerSession.open(vertx, config, onMessage).onComplete(done -> {
      connecting = false;
      if (done.failed()) {
        // Once per outage at WARN; the tries that follow only at DEBUG.
        if (failedTries++ == 0) {
          LOG.warn("warm listener: broker not reachable ({}); trying again every {} ms at most", describe(done.cause()),
              WarmConfig.MAX_RECONNECT_DELAY.toMillis());
        } else {
          LOG.debug("warm listener: broker still not reachable ({})", describe(done.cause()));
        }
        scheduleReconnect();
        return;
      }
      if (stopped) {
        done.result().close();
        return;
      }
      session = done.result();
      reconnectDelayMs = config.reconnectDelay().toMillis();
      LOG.info("warm listener: {} to the broker, consuming queue {} (prefetch {})",
          everConnected ? "reconnected after " + (System.currentTimeMillis() - lostAt) + " ms away" : "connected",
          config.queue(), config.prefetch());
      everConnected = true;
      failedTries = 0;
      connected(true);
    });
  }

  private void watch() {
    if (session != null && !session.healthy()) {
      LOG.warn("warm listener: lost the broker connection; reconnecting");
      lostAt = System.currentTimeMillis();
      var broken = session;
      session = null;
      connected(false);
      broken.close();
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    if (stopped) {
      return;
    }
    vertx.cancelTimer(reconnectTimer);
    reconnectTimer = vertx.setTimer(reconnectDelayMs, id -> connect());
    reconnectDelayMs = Math.min(reconnectDelayMs * 2, WarmConfig.MAX_RECONNECT_DELAY.toMillis());
  }

  /** The cause's kind and message: never the URI, which may carry the broker's password. */
  private static String describe(Throwable err) {
    var message = err.getMessage();
    return err.getClass().getSimpleName() + (message == null || message.contains("@") ? "" : ": " + message);
  }

  private void connected(boolean yes) {
    status.connected(yes);
    metrics.connected(yes);
  }
}
