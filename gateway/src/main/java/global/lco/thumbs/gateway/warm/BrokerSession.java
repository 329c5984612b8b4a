package global.lco.thumbs.gateway.warm;

import com.rabbitmq.client.AMQP;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.rabbitmq.QueueOptions;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQConsumer;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.time.Instant;
import java.util.HashMap;
import java.util.function.BiConsumer;

/**
 * One connection to the broker, from declaring the queues to the last ack. When it breaks it is
 * thrown away whole and a new one is opened: delivery tags belong to their channel, so a message
 * of a broken session is never acknowledged on the next one (the broker delivers it again).
 * The client's own reconnection is off for that reason.
 */
public final class BrokerSession {
  /** A broker that does not confirm a dead letter within this long is treated as gone. */
  private static final long CONFIRM_TIMEOUT_MS = 5_000;

  private final RabbitMQClient client;
  private final WarmConfig config;
  private volatile RabbitMQConsumer consumer;
  private volatile boolean closed;

  private BrokerSession(RabbitMQClient client, WarmConfig config) {
    this.client = client;
    this.config = config;
  }

  /**
   * Connects, declares the archive's fanout exchange (durable, as the archive declares it), our
   * durable queue bound to it and the dead-letter queue, limits unacknowledged deliveries to the
   * prefetch, and starts consuming into {@code onMessage}, which gets the session to settle each message on.
   */
  static Future<BrokerSession> open(Vertx vertx, WarmConfig config, BiConsumer<BrokerSession, RabbitMQMessage> onMessage) {
    var client = RabbitMQClient.create(vertx, new RabbitMQOptions()
        .setUri(config.brokerUrl())
        .setAutomaticRecoveryEnabled(false)
        .setReconnectAttempts(0)
        .setConnectionTimeout(5_000)
        .setHandshakeTimeout(5_000)
        .setRequestedHeartbeat(10)
        .setConnectionName("lco-thumbs-warm"));
    var session = new BrokerSession(client, config);
    return client.start()
        .compose(v -> client.exchangeDeclare(config.exchange(), "fanout", true, false))
        .compose(v -> client.queueDeclare(config.deadLetterQueue(), true, false, false))
        .compose(v -> client.queueDeclare(config.queue(), true, false, false))
        .compose(v -> client.queueBind(config.queue(), config.exchange(), ""))
        .compose(v -> client.confirmSelect())
        .compose(v -> client.basicQos(config.prefetch()))
        .compose(v -> client.basicConsumer(config.queue(), new QueueOptions().setAutoAck(false)))
        .map(consumer -> {
          session.consumer = consumer;
          consumer.handler(message -> onMessage.accept(session, message));
          return session;
        })
        .recover(err -> client.stop().transform(stopped -> Future.failedFuture(err)));
  }

  /**
   * Connected, channel open, consumer not cancelled by the broker, and not replaced: only then may
   * a message delivered on it be settled on it.
   */
  boolean healthy() {
    var c = consumer;
    return !closed && client.isConnected() && client.isOpenChannel() && c != null && !c.isCancelled();
  }

  Future<Void> ack(RabbitMQMessage message) {
    return client.basicAck(message.envelope().getDeliveryTag(), false);
  }

  /**
   * Publishes the message, body and properties unchanged, to the dead-letter queue with its reason
   * in headers, waits for the broker to confirm it, then acknowledges the original.
   */
  Future<Void> deadLetter(RabbitMQMessage message, String reason, int attempts) {
    var original = message.properties();
    var headers = new HashMap<String, Object>();
    if (original.getHeaders() != null) {
      headers.putAll(original.getHeaders());
    }
    headers.put("x-thumbs-reason", reason);
    headers.put("x-thumbs-attempts", attempts);
    headers.put("x-thumbs-dead-lettered-at", Instant.now().toString());
    headers.put("x-thumbs-queue", config.queue());
    var properties = new AMQP.BasicProperties.Builder()
        .contentType(original.getContentType())
        .contentEncoding(original.getContentEncoding())
        .timestamp(original.getTimestamp())
        .messageId(original.getMessageId())
        .deliveryMode(2)
        .headers(headers)
        .build();
    return client.basicPublish("", config.deadLetterQueue(), properties, message.body())
        .compose(v -> client.waitForConfirms(CONFIRM_TIMEOUT_MS))
        .compose(v -> ack(message));
  }

  /** Messages ready in our queue, as the broker counts them. */
  public Future<Long> queueDepth() {
    return client.messageCount(config.queue());
  }

  Future<Void> close() {
    closed = true;
    return client.stop().otherwiseEmpty();
  }
}
