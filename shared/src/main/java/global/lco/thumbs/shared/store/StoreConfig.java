package global.lco.thumbs.shared.store;

import global.lco.thumbs.shared.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where thumbnails are kept and how long their URLs live.
 *
 * @param kind          {@code local} (a directory, URLs served and signed by the gateway) or {@code s3}
 * @param localDir      directory of the local store
 * @param prefix        object-name prefix, e.g. {@code thumbs/}
 * @param urlTtl        lifetime of the URLs handed out (THUMBNAIL_URL_TTL, seconds)
 * @param urlSecret     HMAC secret of the local store's URLs; {@code null} = generated once and kept in the directory
 * @param publicBaseUrl base URL the local store's signed URLs start with (the gateway's public address)
 * @param s3            the S3 store's settings; {@code null} unless {@code kind} is {@code s3}
 */
public record StoreConfig(String kind, Path localDir, String prefix, Duration urlTtl, String urlSecret,
                          String publicBaseUrl, S3Settings s3) {
  public static final String KIND_LOCAL = "local";
  public static final String KIND_S3 = "s3";
  public static final Path DEFAULT_LOCAL_DIR = Path.of("thumbnails");
  public static final Duration DEFAULT_URL_TTL = Duration.ofHours(8);
  /** The local store's URLs are served by the gateway under this path. */
  public static final String LOCAL_URL_PATH = "_thumbs/";

  public static StoreConfig fromEnv(Env env, int httpPort) {
    var kind = env.string("THUMBNAIL_STORE", KIND_LOCAL).toLowerCase(Locale.ROOT);
    S3Settings s3 = null;
    switch (kind) {
      case KIND_LOCAL -> { }
      // AWS_* variables are read only for the S3 store: a local setup may inherit them harmlessly.
      case KIND_S3 -> s3 = S3Settings.fromEnv(env);
      default -> env.problems().add("THUMBNAIL_STORE must be 'local' or 's3', got '" + kind + "'");
    }
    var prefix = env.string("THUMBNAIL_PREFIX", "");
    if (!prefix.matches("[A-Za-z0-9._/-]*") || prefix.contains("..") || prefix.startsWith("/")) {
      env.problems().add("THUMBNAIL_PREFIX may hold only letters, digits, '.', '_', '-' and '/', not start with '/' nor contain '..'");
      prefix = "";
    }
    var secret = env.raw("THUMBNAIL_URL_SECRET");
    if (secret != null && secret.length() < 16) {
      env.problems().add("THUMBNAIL_URL_SECRET must be at least 16 characters");
      secret = null;
    }
    return new StoreConfig(kind, env.path("THUMBNAIL_DIR", DEFAULT_LOCAL_DIR), prefix,
        // 7 days is the longest a SigV4 presigned URL may live; the local store keeps the same bound.
        env.seconds("THUMBNAIL_URL_TTL", DEFAULT_URL_TTL, 1, Duration.ofDays(7).toSeconds()), secret,
        env.httpUrl("PUBLIC_BASE_URL", "http://localhost:" + httpPort + "/", true), s3);
  }

  /** A configuration without S3 settings (the local store). */
  public StoreConfig(String kind, Path localDir, String prefix, Duration urlTtl, String urlSecret,
                     String publicBaseUrl) {
    this(kind, localDir, prefix, urlTtl, urlSecret, publicBaseUrl, null);
  }
}
