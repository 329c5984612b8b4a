package global.lco.thumbs.gateway.warm;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Date;

/**
 * One archive announcement: the frame's record plus {@code frameid} and {@code filename}, as JSON
 * (the archive publishes it with kombu's JSON serializer). Only {@code frameid} is used: the
 * listener asks the archive for the current record, as a request would.
 *
 * @param frameId     the archived frame
 * @param publishedAt epoch millis from the message's AMQP timestamp, or when it first reached this gateway
 */
record IngestMessage(long frameId, long publishedAt) {

  /** Why a body is no announcement; the reason goes with it to the dead-letter queue. */
  static final class Unparseable extends Exception {
    Unparseable(String reason) {
      super(reason, null, false, false);
    }
  }

  static IngestMessage parse(Buffer body, Date timestamp, long receivedAt) throws Unparseable {
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException notJson) {
      throw new Unparseable("body is not a JSON object");
    }
    if (json == null) {
      throw new Unparseable("body is not a JSON object");
    }
    var id = json.getValue("frameid");
    long frameId;
    if (id instanceof Number n && n.doubleValue() == n.longValue()) {
      frameId = n.longValue();
    } else if (id instanceof String s && s.matches("[0-9]{1,18}")) {
      frameId = Long.parseLong(s);
    } else {
      throw new Unparseable(id == null ? "no frameid" : "frameid is not a whole number");
    }
    if (frameId <= 0) {
      throw new Unparseable("frameid is not positive");
    }
    return new IngestMessage(frameId, timestamp == null ? receivedAt : Math.min(timestamp.getTime(), receivedAt));
  }
}
