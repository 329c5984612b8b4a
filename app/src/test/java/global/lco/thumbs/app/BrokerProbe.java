package global.lco.thumbs.app;

import com.rabbitmq.client.AMQP;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.RabbitMQOptions;

/**
 * A test's own connection to a broker, for what the archive or an operator does there: publish a
 * raw message as the archive's kombu publisher would, count and read queues. Blocking, for tests.
 */
final class BrokerProbe implements AutoCloseable {
  private final RabbitMQClient client;

  BrokerProbe(Vertx vertx, String url) {
    client = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(url).setAutomaticRecoveryEnabled(false)
        .setReconnectAttempts(0));
    client.start().await();
  }

  /** A persistent JSON message on a durable fanout exchange, as the archive publishes its announcements. */
  void publish(String exchange, String body) {
    client.exchangeDeclare(exchange, "fanout", true, false).await();
    var properties = new AMQP.BasicProperties.Builder().contentType("application/json").contentEncoding("utf-8")
        .deliveryMode(2).build();
    client.basicPublish(exchange, "", properties, Buffer.buffer(body)).await();
  }

  /** A queue of the test's own, bound to {@code exchange}, to see what is published there. */
  void bind(String queue, String exchange) {
    client.exchangeDeclare(exchange, "fanout", true, false).await();
    client.queueDeclare(queue, false, true, true).await();
    client.queueBind(queue, exchange, "").await();
  }

  /** Messages ready in {@code queue} (0 when it does not exist yet). */
  long count(String queue) {
    try {
      return client.messageCount(queue).await();
    } catch (RuntimeException noSuchQueue) {
      // The broker closes the channel on a missing queue: start over on a fresh one.
      client.stop().await();
      client.start().await();
      return 0;
    }
  }

  /** Takes one message off {@code queue}, or null when it is empty. */
  RabbitMQMessage take(String queue) {
    return client.basicGet(queue, true).await();
  }

  @Override
  public void close() {
    client.stop().await();
  }
}
