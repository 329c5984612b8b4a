package global.lco.thumbs.shared.store;

import global.lco.thumbs.shared.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach the S3-compatible bucket that holds thumbnails ({@code THUMBNAIL_STORE=s3}).
 * {@link #toString()} never shows the secret key.
 *
 * @param bucket          AWS_BUCKET
 * @param accessKeyId     AWS_ACCESS_KEY_ID; {@code null} (with no secret) = the SDK's default credentials chain
 * @param secretAccessKey AWS_SECRET_ACCESS_KEY
 * @param region          AWS_DEFAULT_REGION
 * @param endpoint        STORAGE_URL (MinIO or another S3 API, addressed path-style); {@code null} = AWS itself
 * @param apiCallTimeout  S3_API_TIMEOUT_MS: one whole call, retries included
 * @param attemptTimeout  S3_ATTEMPT_TIMEOUT_MS: one HTTP attempt (connect, send, first byte, body)
 */
public record S3Settings(String bucket, String accessKeyId, String secretAccessKey, String region, URI endpoint,
                         Duration apiCallTimeout, Duration attemptTimeout) {
  public static final String DEFAULT_REGION = "us-west-2";
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
  // S3's bucket naming rule (MinIO enforces it too); catches a URL or an ARN pasted by mistake.
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Reads and checks the S3 variables, recording every problem in {@code env}. */
  static S3Settings fromEnv(Env env) {
    var problems = env.problems();
    var bucket = env.raw("AWS_BUCKET");
    if (bucket == null) {
      problems.add("AWS_BUCKET is required when THUMBNAIL_STORE=s3");
    } else if (!BUCKET.matcher(bucket).matches()) {
      problems.add("AWS_BUCKET must be a bucket name (3-63 lowercase letters, digits, '.' or '-'), got '" + bucket + "'");
    }
    var keyId = env.raw("AWS_ACCESS_KEY_ID");
    var secret = env.raw("AWS_SECRET_ACCESS_KEY");
    if ((keyId == null) != (secret == null)) {
      // Never echo either value: one of them is a secret.
      problems.add("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together, or both left unset"
          + " to use the AWS SDK's default credentials chain");
      keyId = null;
      secret = null;
    }
    var region = env.string("AWS_DEFAULT_REGION", DEFAULT_REGION);
    if (!REGION.matcher(region).matches()) {
      problems.add("AWS_DEFAULT_REGION must be a region name such as us-west-2, got '" + region + "'");
      region = DEFAULT_REGION;
    }
    var apiTimeout = env.millis("S3_API_TIMEOUT_MS", DEFAULT_API_CALL_TIMEOUT, 100, 300_000);
    var attemptTimeout = env.millis("S3_ATTEMPT_TIMEOUT_MS", DEFAULT_ATTEMPT_TIMEOUT, 100, 300_000);
    if (attemptTimeout.compareTo(apiTimeout) > 0) {
      problems.add("S3_ATTEMPT_TIMEOUT_MS (" + attemptTimeout.toMillis() + ") must not exceed S3_API_TIMEOUT_MS ("
          + apiTimeout.toMillis() + ")");
    }
    return new S3Settings(bucket, keyId, secret, region, endpoint(env), apiTimeout, attemptTimeout);
  }

  private static URI endpoint(Env env) {
    if (env.raw("STORAGE_URL") == null) {
      return null;
    }
    var url = env.httpUrl("STORAGE_URL", null, false);
    if (url == null) {
      return null;
    }
    var uri = URI.create(url);
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      env.problems().add("STORAGE_URL must be a plain endpoint such as http://minio:9000 (no query, fragment"
          + " or credentials)");
      return null;
    }
    // The SDK appends "/bucket/key" itself: a trailing slash would double it.
    return URI.create(url.replaceAll("/+$", ""));
  }

  /** Whether static keys were given (otherwise the SDK's default credentials chain is used). */
  public boolean staticKeys() {
    return accessKeyId != null;
  }

  /** Custom endpoints (MinIO and the like) are addressed path-style: no per-bucket DNS names there. */
  public boolean pathStyle() {
    return endpoint != null;
  }

  @Override
  public String toString() {
    return "S3Settings[bucket=" + bucket + ", credentials=" + (staticKeys() ? "static keys" : "default chain")
        + ", region=" + region + ", endpoint=" + (endpoint == null ? "AWS" : endpoint)
        + ", apiCallTimeout=" + apiCallTimeout + ", attemptTimeout=" + attemptTimeout + "]";
  }
}
