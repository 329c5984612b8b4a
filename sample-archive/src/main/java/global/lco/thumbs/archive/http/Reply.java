package global.lco.thumbs.archive.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete answer as a value: handlers compute one, {@link Replies} delivers it (and is where
 * delivery faults bend it). The body is always known in full; the archive's answers are small
 * and the files are a few megabytes.
 */
public record Reply(int status, Map<String, String> headers, Buffer body) {

  public Reply {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Compact UTF-8 JSON (no spaces, non-ASCII unescaped), as DRF's renderer writes it. */
  public static Reply json(int status, Object value) {
    return of(status, "application/json", Json.encode(value));
  }

  public static Reply of(int status, String contentType, String body) {
    return new Reply(status, Map.of("Content-Type", contentType), Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  public Reply withHeader(String name, String value) {
    var all = new LinkedHashMap<>(headers);
    all.put(name, value);
    return new Reply(status, all, body);
  }

  public Reply withBody(String contentType, Buffer newBody) {
    var all = new LinkedHashMap<>(headers);
    all.put("Content-Type", contentType);
    return new Reply(status, all, newBody);
  }
}
