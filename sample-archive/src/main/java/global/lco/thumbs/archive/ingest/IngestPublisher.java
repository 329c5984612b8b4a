package global.lco.thumbs.archive.ingest;

import com.rabbitmq.client.AMQP;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.util.Date;

/**
 * Announces an archived frame the way the LCO archive does after ingest: its record plus
 * {@code frameid} and {@code filename}, as a persistent JSON message on a durable fanout exchange
 * ({@code PROCESSED_EXCHANGE_NAME}, declared before publishing as kombu does). Unlike the archive's
 * kombu publisher it also sets the AMQP timestamp, so listeners can tell a message's age to the
 * second. A broken connection is replaced on the next publish. Confined to one event loop.
 */
public final class IngestPublisher {
  private static final long CONFIRM_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final String brokerUrl;
  private final String exchange;
  private RabbitMQClient client;

  public IngestPublisher(Vertx vertx, String brokerUrl, String exchange) {
    this.vertx = vertx;
    this.brokerUrl = brokerUrl;
    this.exchange = exchange;
  }

  /** The message body: the record, plus the two keys the archive adds. */
  public static JsonObject payload(JsonObject record) {
    return record.copy().put("filename", record.getValue("filename")).put("frameid", record.getValue("id"));
  }

  /** Publishes and waits for the broker's confirm. */
  public Future<Void> publish(JsonObject payload) {
    var properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .contentEncoding("utf-8")
        .deliveryMode(2)
        .timestamp(new Date())
        .build();
    return connected()
        .compose(c -> c.basicPublish(exchange, "", properties, payload.toBuffer())
            .compose(v -> c.waitForConfirms(CONFIRM_TIMEOUT_MS)))
        .onFailure(err -> drop());
  }

  public String exchange() {
    return exchange;
  }

  public Future<Void> close() {
    var c = client;
    client = null;
    return c == null ? Future.succeededFuture() : c.stop().otherwiseEmpty();
  }

  private Future<RabbitMQClient> connected() {
    if (client != null && client.isConnected() && client.isOpenChannel()) {
      return Future.succeededFuture(client);
    }
    drop();
    var fresh = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(brokerUrl)
        .setAutomaticRecoveryEnabled(false).setReconnectAttempts(0)
        .setConnectionTimeout(5_000).setHandshakeTimeout(5_000).setConnectionName("sample-archive"));
    client = fresh;
    return fresh.start()
        .compose(v -> fresh.exchangeDeclare(exchange, "fanout", true, false))
        .compose(v -> fresh.confirmSelect())
        .map(fresh);
  }

  private void drop() {
    var c = client;
    client = null;
    if (c != null) {
      c.stop();
    }
  }
}
