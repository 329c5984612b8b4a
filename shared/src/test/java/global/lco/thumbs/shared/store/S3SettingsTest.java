package global.lco.thumbs.shared.store;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** THUMBNAIL_STORE=s3 and its variables, read and checked at start-up. */
class S3SettingsTest {

  private static StoreConfig read(Map<String, String> vars, List<String> problems) {
    return StoreConfig.fromEnv(new Env(vars, problems), 8080);
  }

  @Test
  @DisplayName("THUMBNAIL_STORE=s3 with only a bucket uses AWS in us-west-2, the default credentials chain and the default timeouts")
  void defaults() {
    var problems = new ArrayList<String>();
    var config = read(Map.of("THUMBNAIL_STORE", "S3", "AWS_BUCKET", "lco-thumbnails"), problems);
    assertThat(problems).isEmpty();
    assertThat(config.kind()).isEqualTo(StoreConfig.KIND_S3);
    assertThat(config.urlTtl()).isEqualTo(Duration.ofSeconds(28_800));
    var s3 = config.s3();
    assertThat(s3.bucket()).isEqualTo("lco-thumbnails");
    assertThat(s3.region()).isEqualTo("us-west-2");
    assertThat(s3.endpoint()).isNull();
    assertThat(s3.pathStyle()).isFalse();
    assertThat(s3.staticKeys()).isFalse();
    assertThat(s3.apiCallTimeout()).isEqualTo(S3Settings.DEFAULT_API_CALL_TIMEOUT);
    assertThat(s3.attemptTimeout()).isEqualTo(S3Settings.DEFAULT_ATTEMPT_TIMEOUT);
  }

  @Test
  @DisplayName("STORAGE_URL selects a custom endpoint, addressed path-style, without its trailing slash")
  void customEndpoint() {
    var problems = new ArrayList<String>();
    var config = read(Map.of("THUMBNAIL_STORE", "s3", "AWS_BUCKET", "thumbs", "STORAGE_URL", "http://minio:9000/",
        "AWS_ACCESS_KEY_ID", "minio", "AWS_SECRET_ACCESS_KEY", "minio-secret", "AWS_DEFAULT_REGION", "us-east-1",
        "S3_API_TIMEOUT_MS", "5000", "S3_ATTEMPT_TIMEOUT_MS", "1000"), problems);
    assertThat(problems).isEmpty();
    var s3 = config.s3();
    assertThat(s3.endpoint()).isEqualTo(URI.create("http://minio:9000"));
    assertThat(s3.pathStyle()).isTrue();
    assertThat(s3.staticKeys()).isTrue();
    assertThat(s3.region()).isEqualTo("us-east-1");
    assertThat(s3.apiCallTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s3.attemptTimeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("Every S3 problem is listed at once: missing bucket, bad STORAGE_URL, bad region, bad timeouts, half a key pair")
  void allProblemsAtOnce() {
    var problems = new ArrayList<String>();
    read(Map.of("THUMBNAIL_STORE", "s3", "STORAGE_URL", "minio:9000", "AWS_DEFAULT_REGION", "US West",
        "S3_API_TIMEOUT_MS", "soon", "S3_ATTEMPT_TIMEOUT_MS", "0", "AWS_ACCESS_KEY_ID", "only-the-id",
        "THUMBNAIL_URL_TTL", "700000"), problems);
    assertThat(problems).hasSize(7);
    assertThat(String.join("\n", problems)).contains("AWS_BUCKET", "STORAGE_URL", "AWS_DEFAULT_REGION",
        "S3_API_TIMEOUT_MS", "S3_ATTEMPT_TIMEOUT_MS", "AWS_SECRET_ACCESS_KEY", "THUMBNAIL_URL_TTL");
  }

  @Test
  @DisplayName("A bucket name that is not one, a per-attempt timeout above the call timeout, and an endpoint with a query are refused")
  void subtlerProblems() {
    var problems = new ArrayList<String>();
    read(Map.of("THUMBNAIL_STORE", "s3", "AWS_BUCKET", "s3://Thumbs", "STORAGE_URL", "http://minio:9000/?x=1",
        "S3_API_TIMEOUT_MS", "1000", "S3_ATTEMPT_TIMEOUT_MS", "2000"), problems);
    assertThat(problems).hasSize(3);
    assertThat(String.join("\n", problems)).contains("AWS_BUCKET", "STORAGE_URL", "must not exceed S3_API_TIMEOUT_MS");
  }

  @Test
  @DisplayName("Neither problems nor toString ever show the secret key")
  void secretNeverShown() {
    var problems = new ArrayList<String>();
    var config = read(Map.of("THUMBNAIL_STORE", "s3", "AWS_BUCKET", "thumbs", "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-very-secret"), problems);
    assertThat(config.s3().toString()).doesNotContain("wJalrXUtnFEMI").contains("static keys");
    assertThat(config.toString()).doesNotContain("wJalrXUtnFEMI");
    read(Map.of("THUMBNAIL_STORE", "s3", "AWS_BUCKET", "thumbs", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI-very-secret"),
        problems);
    assertThat(problems).singleElement().asString().doesNotContain("wJalrXUtnFEMI");
  }

  @Test
  @DisplayName("An unknown THUMBNAIL_STORE is refused; the local store ignores AWS variables entirely")
  void kinds() {
    var problems = new ArrayList<String>();
    read(Map.of("THUMBNAIL_STORE", "gcs"), problems);
    assertThat(problems).singleElement().asString().contains("'local' or 's3'");
    problems.clear();
    var local = read(Map.of("AWS_DEFAULT_REGION", "??", "STORAGE_URL", "nonsense"), problems);
    assertThat(problems).isEmpty();
    assertThat(local.s3()).isNull();
  }
}
