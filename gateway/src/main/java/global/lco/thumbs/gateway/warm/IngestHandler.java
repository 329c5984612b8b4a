package global.lco.thumbs.gateway.warm;

import global.lco.thumbs.shared.metrics.WarmMetrics;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.RabbitMQMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles each ingest message: acknowledged once its thumbnails are stored or it is known to need
 * none; a transient failure is tried again after {@code WARM_RETRY_MS}, doubling, up to
 * {@code WARM_MAX_ATTEMPTS} tries; what keeps failing, fails for good, or cannot be parsed goes to
 * the dead-letter queue with its reason. While a message waits for its next try it keeps its
 * prefetch slot, so a failing archive slows the listener down instead of emptying the queue into
 * dead letters. A message of a session that has broken meanwhile is left alone: the broker
 * delivers it again on the next session (and then finds its thumbnails stored).
 * Confined to the listener's event loop.
 */
public final class IngestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

  private final Vertx vertx;
  private final FrameWarmer warmer;
  private final WarmConfig config;
  private final WarmMetrics metrics;

  public IngestHandler(Vertx vertx, FrameWarmer warmer, WarmConfig config, WarmMetrics metrics) {
    this.vertx = vertx;
    this.warmer = warmer;
    this.config = config;
    this.metrics = metrics;
  }

  public void handle(BrokerSession session, RabbitMQMessage message) {
    long receivedAt = System.currentTimeMillis();
    IngestMessage ingest;
    try {
      ingest = IngestMessage.parse(message.body(), message.properties().getTimestamp(), receivedAt);
    } catch (IngestMessage.Unparseable unparseable) {
      deadLetter(session, message, "unparseable: " + unparseable.getMessage(), 0, receivedAt);
      return;
    }
    attempt(session, message, ingest, 1);
  }

  private void attempt(BrokerSession session, RabbitMQMessage message, IngestMessage ingest, int number) {
    if (!session.healthy()) {
      return;
    }
    warmer.warm(ingest.frameId()).onComplete(done -> {
      if (done.succeeded()) {
        settled(session, message, ingest, done.result());
        return;
      }
      var err = done.cause();
      if (!WarmFailures.worthRetrying(err) || number >= config.maxAttempts()) {
        var why = WarmFailures.worthRetrying(err) ? "gave up after " + number + " attempts: " : "";
        deadLetter(session, message, why + WarmFailures.describe(err), number, ingest.publishedAt());
        return;
      }
      metrics.retry(WarmFailures.code(err));
      long delay = retryDelay(number);
      LOG.info("frame={} warm attempt {} failed ({}); next in {} ms", ingest.frameId(), number, WarmFailures.code(err), delay);
      vertx.setTimer(delay, id -> attempt(session, message, ingest, number + 1));
    });
  }

  /** The delay before try {@code number + 1}: WARM_RETRY_MS doubled per try so far, at most a minute. */
  long retryDelay(int number) {
    long base = config.retryDelay().toMillis();
    return Math.min(WarmConfig.MAX_RETRY_DELAY.toMillis(), base << Math.min(20, number - 1));
  }

  private void settled(BrokerSession session, RabbitMQMessage message, IngestMessage ingest, WarmResult result) {
    if (!session.healthy()) {
      return;
    }
    session.ack(message).onSuccess(acked -> {
      metrics.message(result.outcome());
      for (int i = 0; i < result.mono(); i++) {
        metrics.render("mono");
      }
      for (int i = 0; i < result.colour(); i++) {
        metrics.render("colour");
      }
      long lag = System.currentTimeMillis() - ingest.publishedAt();
      metrics.lag(lag);
      LOG.info("frame={} warmed: {} (mono {}, colour {}) lag={} ms", ingest.frameId(), result.outcome(), result.mono(),
          result.colour(), lag);
    });
  }

  private void deadLetter(BrokerSession session, RabbitMQMessage message, String reason, int attempts, long since) {
    if (!session.healthy()) {
      return;
    }
    session.deadLetter(message, reason, attempts).onComplete(done -> {
      if (done.succeeded()) {
        metrics.message(WarmResult.DEAD_LETTERED);
        metrics.lag(System.currentTimeMillis() - since);
        LOG.warn("warm message dead-lettered to {}: {}", config.deadLetterQueue(), reason);
      } else {
        // Not acknowledged: the broker delivers it again, on this session or the next.
        LOG.warn("warm message could not be dead-lettered ({}); left for redelivery", done.cause().toString());
      }
    });
  }
}
