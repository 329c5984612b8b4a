package global.lco.thumbs.archive;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How to run a sample archive. Fluent setters; {@link SampleArchive#start} takes a copy. */
public final class SampleArchiveOptions {
  public static final int DEFAULT_PORT = 9500;
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final Path DEFAULT_DATA_DIR = Path.of("testdata");
  /** The archive's own lifetime of presigned URLs: 48 hours. */
  public static final Duration DEFAULT_URL_TTL = Duration.ofSeconds(172_800);
  /** A kept-alive connection with nothing sent or received this long is closed: the service's default too. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** The archive's own default for PROCESSED_EXCHANGE_NAME. */
  public static final String DEFAULT_EXCHANGE = "archived_fits";

  private int port = DEFAULT_PORT;
  private String host = DEFAULT_HOST;
  private Path dataDir = DEFAULT_DATA_DIR;
  private String publicBaseUrl;
  private Duration urlTtl = DEFAULT_URL_TTL;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private byte[] signingSecret;
  private Clock clock = Clock.systemUTC();
  private String brokerUrl;
  private String exchange = DEFAULT_EXCHANGE;
  private boolean ranges = true;

  public SampleArchiveOptions() {
  }

  public SampleArchiveOptions(SampleArchiveOptions other) {
    this.port = other.port;
    this.host = other.host;
    this.dataDir = other.dataDir;
    this.publicBaseUrl = other.publicBaseUrl;
    this.urlTtl = other.urlTtl;
    this.idleTimeout = other.idleTimeout;
    this.signingSecret = other.signingSecret == null ? null : other.signingSecret.clone();
    this.clock = other.clock;
    this.brokerUrl = other.brokerUrl;
    this.exchange = other.exchange;
    this.ranges = other.ranges;
  }

  /** Port 9500 on 127.0.0.1, serving {@code ./testdata}. */
  public static SampleArchiveOptions defaults() {
    return new SampleArchiveOptions();
  }

  /** A free port on 127.0.0.1, serving the bundled corpus ({@link TestData#root()}). */
  public static SampleArchiveOptions forTests() {
    return new SampleArchiveOptions().setPort(0).setDataDir(TestData.root());
  }

  /**
   * Reads {@code SAMPLE_ARCHIVE_PORT}, {@code SAMPLE_ARCHIVE_HOST}, {@code SAMPLE_ARCHIVE_DIR},
   * {@code SAMPLE_ARCHIVE_PUBLIC_URL}, {@code SAMPLE_ARCHIVE_URL_TTL} (seconds) and the service's
   * {@code HTTP_IDLE_TIMEOUT_MS}, so a demo archive keeps connections as the service does. Every problem
   * is added to {@code problems}; the defaults stand in for bad values.
   */
  public static SampleArchiveOptions fromEnv(Map<String, String> env, List<String> problems) {
    var options = new SampleArchiveOptions();
    var port = value(env, "SAMPLE_ARCHIVE_PORT");
    if (port != null) {
      options.port = integer("SAMPLE_ARCHIVE_PORT", port, 0, 65_535, DEFAULT_PORT, problems);
    }
    var host = value(env, "SAMPLE_ARCHIVE_HOST");
    if (host != null) {
      options.host = host;
    }
    var dir = value(env, "SAMPLE_ARCHIVE_DIR");
    options.dataDir = dir == null ? DEFAULT_DATA_DIR : Path.of(dir);
    if (!Files.isDirectory(options.dataDir)) {
      problems.add("SAMPLE_ARCHIVE_DIR: folder '" + options.dataDir.toAbsolutePath() + "' does not exist"
          + (dir == null ? " (run from the project root or set SAMPLE_ARCHIVE_DIR)" : ""));
    }
    var url = value(env, "SAMPLE_ARCHIVE_PUBLIC_URL");
    if (url != null) {
      var problem = publicUrlProblem(url);
      if (problem == null) {
        options.publicBaseUrl = url;
      } else {
        problems.add("SAMPLE_ARCHIVE_PUBLIC_URL " + problem + ", got '" + url + "'");
      }
    }
    var ttl = value(env, "SAMPLE_ARCHIVE_URL_TTL");
    if (ttl != null) {
      options.urlTtl = Duration.ofSeconds(integer("SAMPLE_ARCHIVE_URL_TTL", ttl, 0, 604_800,
          (int) DEFAULT_URL_TTL.toSeconds(), problems));
    }
    var idle = value(env, "HTTP_IDLE_TIMEOUT_MS");
    if (idle != null) {
      options.idleTimeout = Duration.ofMillis(integer("HTTP_IDLE_TIMEOUT_MS", idle, 100, 3_600_000,
          (int) DEFAULT_IDLE_TIMEOUT.toMillis(), problems));
    }
    // The archive's own setting names: the sample archive announces ingested frames as it does.
    var broker = value(env, "QUEUE_BROKER_URL");
    if (broker != null) {
      if (broker.startsWith("amqp://") || broker.startsWith("amqps://")) {
        options.brokerUrl = broker;
      } else {
        problems.add("QUEUE_BROKER_URL must be an amqp:// or amqps:// URI");
      }
    }
    var exchange = value(env, "PROCESSED_EXCHANGE_NAME");
    if (exchange != null) {
      options.exchange = exchange;
    }
    return options;
  }

  private static String value(Map<String, String> env, String name) {
    var v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static int integer(String name, String text, int min, int max, int dflt, List<String> problems) {
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be an integer in " + min + ".." + max + ", got '" + text + "'");
    return dflt;
  }

  /** {@code null} when {@code url} can be the base of download URLs: absolute http(s), no path. */
  static String publicUrlProblem(String url) {
    try {
      var uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        return "must be an absolute http(s) URL";
      }
      if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
          || uri.getRawQuery() != null) {
        return "must have no path or query (downloads are served at /files/ of this server)";
      }
      return null;
    } catch (URISyntaxException e) {
      return "must be an absolute http(s) URL";
    }
  }

  public int port() {
    return port;
  }

  /** 0 picks a free port. */
  public SampleArchiveOptions setPort(int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    this.port = port;
    return this;
  }

  public String host() {
    return host;
  }

  public SampleArchiveOptions setHost(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The folder served: FITS files under {@code fits/}, the catalogue at {@code archive/catalog.json}. */
  public SampleArchiveOptions setDataDir(Path dataDir) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    return this;
  }

  public String publicBaseUrl() {
    return publicBaseUrl;
  }

  /**
   * Base of minted download URLs ({@code scheme://host:port/}, reaching this server), or
   * {@code null} (the default) for the scheme and host of each metadata request.
   */
  public SampleArchiveOptions setPublicBaseUrl(String publicBaseUrl) {
    if (publicBaseUrl != null && publicUrlProblem(publicBaseUrl) != null) {
      throw new IllegalArgumentException("public base URL " + publicUrlProblem(publicBaseUrl));
    }
    this.publicBaseUrl = publicBaseUrl;
    return this;
  }

  public Duration urlTtl() {
    return urlTtl;
  }

  public SampleArchiveOptions setUrlTtl(Duration urlTtl) {
    if (urlTtl.isNegative()) {
      throw new IllegalArgumentException("URL lifetime must not be negative");
    }
    this.urlTtl = urlTtl;
    return this;
  }

  /** Whether downloads honour a single {@code Range: bytes=a-b} (206), as S3 does; true by default. */
  public boolean ranges() {
    return ranges;
  }

  /** False makes downloads answer every GET with the whole file (200), as a server that ignores Range. */
  public SampleArchiveOptions setRanges(boolean ranges) {
    this.ranges = ranges;
    return this;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** How long a connection may stay with nothing sent or received before it is closed (a hanging fault's too). */
  public SampleArchiveOptions setIdleTimeout(Duration idleTimeout) {
    if (idleTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("idle timeout must be at least 1 ms");
    }
    this.idleTimeout = idleTimeout;
    return this;
  }

  /** The HMAC key of download URLs; random per start when not set. */
  public byte[] signingSecret() {
    if (signingSecret == null) {
      var secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      signingSecret = secret;
    }
    return signingSecret.clone();
  }

  public SampleArchiveOptions setSigningSecret(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the signing secret must be at least 16 bytes");
    }
    this.signingSecret = secret.clone();
    return this;
  }

  public Clock clock() {
    return clock;
  }

  /** The archive's notion of now: public dates, URL signing and expiry. */
  public SampleArchiveOptions setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** The broker ingest announcements go to ({@code QUEUE_BROKER_URL}), or {@code null}: no announcements. */
  public String brokerUrl() {
    return brokerUrl;
  }

  public SampleArchiveOptions setBrokerUrl(String brokerUrl) {
    this.brokerUrl = brokerUrl;
    return this;
  }

  /** The fanout exchange ingest announcements are published on ({@code PROCESSED_EXCHANGE_NAME}). */
  public String exchange() {
    return exchange;
  }

  public SampleArchiveOptions setExchange(String exchange) {
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    return this;
  }
}
