package global.lco.thumbs.shared.store;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the SDK objects of the S3 store from {@link S3Settings}: the client and the presigner share
 * endpoint, addressing style, region and credentials, so a presigned URL points where objects are put.
 */
final class S3Clients {
  private S3Clients() {
  }

  /** Static keys when given, else the SDK's default chain (environment, profile, container or instance role). */
  static AwsCredentialsProvider credentials(S3Settings s3) {
    return s3.staticKeys()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId(), s3.secretAccessKey()))
        : DefaultCredentialsProvider.builder().build();
  }

  /** A blocking client: its calls run on a Vert.x worker executor, bounded by the two timeouts. */
  static S3Client client(S3Settings s3, AwsCredentialsProvider credentials) {
    var builder = S3Client.builder()
        .region(Region.of(s3.region()))
        .credentialsProvider(credentials)
        // Named explicitly so the SDK never scans the classpath for an HTTP implementation.
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(s3.attemptTimeout())
            .socketTimeout(s3.attemptTimeout()))
        // Library defaults are unbounded: a stalled store must fail the call, not hang a worker thread.
        .overrideConfiguration(o -> o
            .apiCallTimeout(s3.apiCallTimeout())
            .apiCallAttemptTimeout(s3.attemptTimeout()))
        .forcePathStyle(s3.pathStyle());
    if (s3.endpoint() != null) {
      builder.endpointOverride(s3.endpoint());
    }
    return builder.build();
  }

  /** Presigns GETs offline (no HTTP): SigV4 in the query string. */
  static S3Presigner presigner(S3Settings s3, AwsCredentialsProvider credentials) {
    var builder = S3Presigner.builder()
        .region(Region.of(s3.region()))
        .credentialsProvider(credentials)
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build());
    if (s3.endpoint() != null) {
      builder.endpointOverride(s3.endpoint());
    }
    return builder.build();
  }
}
