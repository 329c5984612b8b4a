package global.lco.thumbs.gateway.warm;

import global.lco.thumbs.gateway.http.ThumbnailQuery;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Warming at ingest (docs/warming.md): where the archive announces new frames, and what to render
 * for each. Off unless {@code WARM_BROKER_URL} is set.
 *
 * @param brokerUrl       AMQP URI of the archive's broker ({@code amqp://user:pass@host:5672/vhost}), null = off
 * @param exchange        the archive's fanout exchange ({@code PROCESSED_EXCHANGE_NAME} on the archive)
 * @param queue           our own durable queue, bound to the exchange; shared by every gateway
 * @param deadLetterQueue where messages that keep failing or cannot be parsed go, with their reason
 * @param authorization   Authorization header for the archive (from {@code WARM_ARCHIVE_TOKEN}); null = anonymous
 * @param thumbnails      the parameter sets rendered for each frame, parsed as a request's query
 * @param colour          also warm the colour thumbnail when a frame completes its request's colour set
 * @param prefetch        messages the broker hands this gateway before it has settled them
 * @param maxAttempts     tries of a message's work before it is dead-lettered (transient failures only)
 * @param retryDelay      wait before the second try; it doubles for each further one, up to a minute
 * @param renderTimeout   how long one warm render may wait for an idle render slot and run
 * @param reconnectDelay  wait before reconnecting to the broker; it doubles up to 2 s while the broker stays away
 */
public record WarmConfig(String brokerUrl, String exchange, String queue, String deadLetterQueue, String authorization,
                         List<RenderParams> thumbnails, boolean colour, int prefetch, int maxAttempts,
                         Duration retryDelay, Duration renderTimeout, Duration reconnectDelay) {
  public static final String DEFAULT_EXCHANGE = "archived_fits";
  public static final String DEFAULT_QUEUE = "thumbnails-warm";
  public static final String DEFAULT_THUMBNAILS = "width=200&height=200";
  public static final int DEFAULT_PREFETCH = 4;
  public static final int DEFAULT_MAX_ATTEMPTS = 8;
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);
  public static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(1);
  public static final Duration DEFAULT_RENDER_TIMEOUT = Duration.ofMinutes(2);
  public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofMillis(500);
  /** A broker back from a restart is found within this long; a refused connection costs the broker nothing. */
  public static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(2);

  public static WarmConfig fromEnv(Env env, int maxSide) {
    var problems = env.problems();
    var url = env.raw("WARM_BROKER_URL");
    if (url != null && !validBrokerUrl(url)) {
      problems.add("WARM_BROKER_URL must be an amqp:// or amqps:// URI with a host, got a value that is not");
      url = null;
    }
    var queue = env.string("WARM_QUEUE", DEFAULT_QUEUE);
    var token = env.raw("WARM_ARCHIVE_TOKEN");
    return new WarmConfig(url,
        env.string("WARM_EXCHANGE", DEFAULT_EXCHANGE),
        queue,
        env.string("WARM_DEAD_LETTER_QUEUE", queue + ".dead"),
        token == null ? null : authorization(token),
        thumbnails(env.string("WARM_THUMBNAILS", DEFAULT_THUMBNAILS), maxSide, problems),
        env.bool("WARM_COLOUR", true),
        env.integer("WARM_PREFETCH", DEFAULT_PREFETCH, 1, 1000),
        env.integer("WARM_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 1, 100),
        env.millis("WARM_RETRY_MS", DEFAULT_RETRY_DELAY, 10, MAX_RETRY_DELAY.toMillis()),
        env.millis("WARM_RENDER_TIMEOUT_MS", DEFAULT_RENDER_TIMEOUT, 1000, 3_600_000),
        env.millis("WARM_RECONNECT_MS", DEFAULT_RECONNECT_DELAY, 10, MAX_RECONNECT_DELAY.toMillis()));
  }

  public boolean enabled() {
    return brokerUrl != null;
  }

  /** A bare token is the archive's own {@code Token} scheme; a value with a space is a whole header ({@code Bearer …}). */
  static String authorization(String token) {
    return token.contains(" ") ? token : "Token " + token;
  }

  /**
   * {@code width=200&height=200;width=1000&height=1000&median=true}: each set is read exactly as a
   * request's query, so the warm render's cache key is the one that request will look up.
   */
  static List<RenderParams> thumbnails(String value, int maxSide, List<String> problems) {
    var sets = new ArrayList<RenderParams>();
    for (var set : value.split(";")) {
      if (set.isBlank()) {
        continue;
      }
      var query = MultiMap.caseInsensitiveMultiMap();
      new QueryStringDecoder(set.trim(), false).parameters().forEach(query::add);
      if (query.contains("color")) {
        problems.add("WARM_THUMBNAILS: '" + set.trim() + "' sets color; colour thumbnails are warmed by WARM_COLOUR");
        continue;
      }
      try {
        sets.add(ThumbnailQuery.parse(query, maxSide).params());
      } catch (Problem bad) {
        problems.add("WARM_THUMBNAILS: '" + set.trim() + "': " + bad.getMessage());
      }
    }
    if (sets.isEmpty() && problems.stream().noneMatch(p -> p.startsWith("WARM_THUMBNAILS"))) {
      problems.add("WARM_THUMBNAILS must name at least one parameter set, e.g. " + DEFAULT_THUMBNAILS);
    }
    return List.copyOf(sets);
  }

  private static boolean validBrokerUrl(String url) {
    try {
      var uri = new URI(url);
      return ("amqp".equals(uri.getScheme()) || "amqps".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (Exception e) {
      return false;
    }
  }

  /** Never prints the broker's password or the archive token. */
  @Override
  public String toString() {
    return "WarmConfig[exchange=" + exchange + ", queue=" + queue + ", thumbnails=" + thumbnails.size()
        + ", colour=" + colour + ", prefetch=" + prefetch + "]";
  }
}
