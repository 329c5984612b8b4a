package global.lco.thumbs.shared.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One client connection on loopback, written and read byte by byte: for the clients no HTTP
 * library imitates (half-open, trickling, idle after a kept-alive answer). Reads wait at most
 * {@link #READ_LIMIT}, so a server that never closes fails the test instead of hanging it.
 */
public final class RawConnection implements AutoCloseable {
  public static final Duration READ_LIMIT = Duration.ofSeconds(60);

  /** One HTTP answer: its status line's code, its headers as text, and its body. */
  public record Answer(int status, String head, String body) {
  }

  /** How the server ended the connection: what it had sent, and how long after the connection opened or its last answer. */
  public record Ending(String received, Duration after) {
  }

  private final Socket socket;
  private final InputStream in;
  private long lastAnswerNanos = System.nanoTime();

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  public static RawConnection open(int port) {
    try {
      var socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout((int) READ_LIMIT.toMillis());
      return new RawConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kept-alive GET of {@code path}, as a browser sends it. */
  public static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n";
  }

  public RawConnection send(String text) {
    try {
      socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one byte; false once the server has closed the connection (the write fails). */
  public boolean trickle(char c) {
    try {
      socket.getOutputStream().write(c);
      socket.getOutputStream().flush();
      return true;
    } catch (IOException gone) {
      return false;
    }
  }

  /** Reads one answer framed by its Content-Length, leaving the connection open. */
  public Answer answer() {
    try {
      var head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IllegalStateException("connection closed after " + head.length() + " bytes of an answer head: " + head);
        }
        head.append((char) b);
      }
      var text = head.toString();
      int status = Integer.parseInt(text.substring(9, 12));
      int length = contentLength(text);
      var body = in.readNBytes(length);
      lastAnswerNanos = System.nanoTime();
      return new Answer(status, text, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads until the server closes the connection (end of stream, or a reset when it closed with
   * bytes of ours unread) and says what it sent before and how long after the connection opened
   * (or its last {@link #answer}) it closed.
   */
  public Ending awaitEnd() {
    var received = new ByteArrayOutputStream();
    try {
      var buffer = new byte[1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // The server closed with bytes of ours unread: the kernel answered with a reset.
    } catch (IOException e) {
      throw new UncheckedIOException("the connection stayed open beyond " + READ_LIMIT.toSeconds() + " s", e);
    }
    return new Ending(received.toString(StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - lastAnswerNanos));
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing is all that is left to do
    }
  }

  private static int contentLength(String head) {
    for (var line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    throw new IllegalStateException("answer without Content-Length: " + head);
  }
}
