package global.lco.thumbs.archive.faults;

import global.lco.thumbs.archive.routes.Route;
import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour to inject, immutable: build one with a factory, refine it with the
 * {@code for…}/{@code with…}/{@code once} methods, arm it with {@link Faults#add}. A fault is
 * persistent until cleared unless {@link #once()} or {@link #times(int)} limits it.
 *
 * <p>A fault with a frame id matches requests that address that frame (detail and headers for
 * {@link Route#FRAMES}, downloads of its file for {@link Route#FILES}) and, for
 * {@link Mode#EXPIRED}, every URL minted for it, lists included. Without a frame id it matches
 * every request of its route. The first matching fault in the order added wins.
 *
 * @param times             shots left when armed; {@link #PERSISTENT} for no limit
 * @param delay             wait before anything is sent (all modes)
 * @param status            for {@link Mode#STATUS}
 * @param contentType       body override for {@link Mode#STATUS}, or {@code null} for the canned body
 * @param body              body override for {@link Mode#STATUS}, or {@code null}
 * @param retryAfterSeconds {@code Retry-After} sent with a 429 or 503
 * @param chunkBytes        {@link Mode#TRICKLE}: bytes per write
 * @param chunkInterval     {@link Mode#TRICKLE}: pause between writes
 * @param count             {@link Mode#COUNT}: the {@code count} the next list pages report
 */
public record Fault(Route route, Mode mode, Long frameId, int times, Duration delay, int status,
    String contentType, String body, int retryAfterSeconds, int chunkBytes, Duration chunkInterval, long count) {

  public static final int PERSISTENT = -1;
  public static final int DEFAULT_RETRY_AFTER_SECONDS = 60;
  public static final int DEFAULT_TRICKLE_BYTES = 64;
  public static final Duration DEFAULT_TRICKLE_INTERVAL = Duration.ofMillis(200);

  /** What the fault does. */
  public enum Mode {
    /** Wait {@code delay} before the normal answer. */
    DELAY,
    /** Answer {@code status} with the body the real stack gives for it (Django, nginx or S3). */
    STATUS,
    /** Never answer; the connection stays open until the client gives up. */
    HANG,
    /** The normal headers at once, then the body a few bytes at a time. */
    TRICKLE,
    /** Half the body (chunked), then a TCP reset. */
    RESET,
    /** {@code Content-Length} of the whole body, half of it sent, then the connection closed. */
    TRUNCATE,
    /** Garbage of the same length instead of the file (cut-off JSON on metadata routes). */
    CORRUPT,
    /** Download URLs minted already expired (TTL 0). */
    EXPIRED,
    /** List pages report {@code count} with {@code count_estimated: true}. */
    COUNT;

    /** Modes that change what a response says rather than how it is delivered. */
    public boolean shapesContent() {
      return this == EXPIRED || this == COUNT;
    }
  }

  public Fault {
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(mode, "mode");
    delay = delay == null ? Duration.ZERO : delay;
    chunkInterval = chunkInterval == null ? DEFAULT_TRICKLE_INTERVAL : chunkInterval;
    if (times == 0 || times < PERSISTENT) {
      throw new IllegalArgumentException("times must be positive or PERSISTENT");
    }
    if (delay.isNegative() || chunkInterval.isNegative() || chunkBytes < 1) {
      throw new IllegalArgumentException("delays must be >= 0 and chunkBytes >= 1");
    }
    if (mode == Mode.STATUS && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("status must be 100..599");
    }
  }

  private static Fault of(Route route, Mode mode) {
    return new Fault(route, mode, null, PERSISTENT, Duration.ZERO, 0, null, null, DEFAULT_RETRY_AFTER_SECONDS,
        DEFAULT_TRICKLE_BYTES, DEFAULT_TRICKLE_INTERVAL, 0);
  }

  public static Fault delay(Route route, Duration delay) {
    return of(route, Mode.DELAY).withDelay(delay);
  }

  /**
   * A status answer with the real stack's body: 500 Django's HTML "Server Error (500)", 502/503/504
   * nginx's HTML, 429 DRF's throttle JSON with {@code Retry-After}, 401/403/404 DRF's JSON; on
   * {@link Route#FILES}, S3's XML for 403, 404, 500 and 503.
   */
  public static Fault status(Route route, int status) {
    return new Fault(route, Mode.STATUS, null, PERSISTENT, Duration.ZERO, status, null, null,
        DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_TRICKLE_BYTES, DEFAULT_TRICKLE_INTERVAL, 0);
  }

  public static Fault hang(Route route) {
    return of(route, Mode.HANG);
  }

  /** {@value #DEFAULT_TRICKLE_BYTES} bytes every 200 ms. */
  public static Fault trickle(Route route) {
    return of(route, Mode.TRICKLE);
  }

  public static Fault trickle(Route route, int chunkBytes, Duration interval) {
    return new Fault(route, Mode.TRICKLE, null, PERSISTENT, Duration.ZERO, 0, null, null,
        DEFAULT_RETRY_AFTER_SECONDS, chunkBytes, interval, 0);
  }

  public static Fault reset(Route route) {
    return of(route, Mode.RESET);
  }

  public static Fault truncate(Route route) {
    return of(route, Mode.TRUNCATE);
  }

  public static Fault corrupt(Route route) {
    return of(route, Mode.CORRUPT);
  }

  /** Metadata answers carry download URLs that are already expired. */
  public static Fault expiredUrls() {
    return of(Route.FRAMES, Mode.EXPIRED);
  }

  /** List pages report this {@code count} (e.g. 2, or {@link Long#MAX_VALUE}) as an estimate. */
  public static Fault count(long count) {
    return new Fault(Route.FRAMES, Mode.COUNT, null, PERSISTENT, Duration.ZERO, 0, null, null,
        DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_TRICKLE_BYTES, DEFAULT_TRICKLE_INTERVAL, count);
  }

  /** Only requests addressing this frame. */
  public Fault forFrame(long id) {
    return new Fault(route, mode, id, times, delay, status, contentType, body, retryAfterSeconds, chunkBytes,
        chunkInterval, count);
  }

  /** A one-shot fault. */
  public Fault once() {
    return times(1);
  }

  /** Fires for the next {@code n} matching requests, then disarms. */
  public Fault times(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("times must be >= 1");
    }
    return new Fault(route, mode, frameId, n, delay, status, contentType, body, retryAfterSeconds, chunkBytes,
        chunkInterval, count);
  }

  /** Latency before anything is sent; combines with every mode. */
  public Fault withDelay(Duration delay) {
    return new Fault(route, mode, frameId, times, delay, status, contentType, body, retryAfterSeconds, chunkBytes,
        chunkInterval, count);
  }

  /** A status answer with this body instead of the canned one. */
  public Fault withBody(String contentType, String body) {
    return new Fault(route, mode, frameId, times, delay, status, contentType, body, retryAfterSeconds, chunkBytes,
        chunkInterval, count);
  }

  public Fault withRetryAfter(int seconds) {
    return new Fault(route, mode, frameId, times, delay, status, contentType, body, seconds, chunkBytes,
        chunkInterval, count);
  }

  /** Whether this fault applies to a request of {@code route} addressing {@code requestFrameId} (may be null). */
  public boolean matches(Route requestRoute, Long requestFrameId) {
    return route == requestRoute && (frameId == null || frameId.equals(requestFrameId));
  }
}
