package global.lco.thumbs.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 requests written byte for byte, for request targets no well-behaved client would send
 * (raw spaces, null bytes, invalid percent escapes, 10 kB paths).
 */
final class RawHttp {
  record Answer(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {
  }

  static Answer get(int port, byte[] target, String... headers) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(30_000);
      var request = new ByteArrayOutputStream();
      request.writeBytes("GET ".getBytes(StandardCharsets.US_ASCII));
      request.writeBytes(target);
      var rest = new StringBuilder(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      for (int i = 0; i < headers.length; i += 2) {
        rest.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
      }
      request.writeBytes(rest.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(request.toByteArray());
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer get(int port, String target, String... headers) {
    return get(port, target.getBytes(StandardCharsets.UTF_8), headers);
  }

  private static Answer parse(byte[] raw) {
    var text = new String(raw, StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    var head = (split < 0 ? text : text.substring(0, split)).split("\r\n");
    var headers = new TreeMap<String, String>();
    for (int i = 1; i < head.length; i++) {
      int colon = head[i].indexOf(':');
      if (colon > 0) {
        headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
      }
    }
    int status = Integer.parseInt(head[0].split(" ")[1]);
    var body = split < 0 ? "" : text.substring(split + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, body);
  }

  private static String unchunk(String chunked) {
    var out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
