package global.lco.thumbs.shared.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Thumbnails in an S3-compatible bucket (AWS S3, MinIO, …) named by {@link ObjectNames}, handed out
 * through SigV4 presigned GET URLs. One blocking SDK client per process; every call runs on a
 * dedicated Vert.x worker executor (never on an event loop) and is bounded by the configured
 * per-call and per-attempt timeouts, so an unreachable store fails futures instead of hanging them.
 */
public final class S3Store implements ThumbnailStore {
  private static final Logger LOG = LoggerFactory.getLogger(S3Store.class);
  private static final String POOL_NAME = "thumbs-s3";
  /** S3 calls wait on the network, not the CPU: enough threads for many requests in flight. */
  private static final int POOL_SIZE = 16;

  private final WorkerExecutor executor;
  private final S3Client client;
  private final S3Presigner presigner;
  private final AwsCredentialsProvider credentials;
  private final StoreConfig config;
  private final ObjectNames names;
  private final String bucket;

  private S3Store(WorkerExecutor executor, AwsCredentialsProvider credentials, StoreConfig config) {
    this.executor = executor;
    this.credentials = credentials;
    this.config = config;
    this.names = new ObjectNames(config.prefix());
    this.bucket = config.s3().bucket();
    this.client = S3Clients.client(config.s3(), credentials);
    this.presigner = S3Clients.presigner(config.s3(), credentials);
  }

  /** Builds the client off the event loop (the SDK reads profile files while building). */
  public static Future<S3Store> open(Vertx vertx, StoreConfig config) {
    var s3 = config.s3();
    if (s3 == null) {
      return Future.failedFuture(new IllegalArgumentException("THUMBNAIL_STORE=s3 needs S3 settings"));
    }
    // Twice the call timeout: the blocked-thread warning then flags only calls the SDK failed to bound.
    var executor = vertx.createSharedWorkerExecutor(POOL_NAME, POOL_SIZE, s3.apiCallTimeout().toMillis() * 2,
        TimeUnit.MILLISECONDS);
    return executor.executeBlocking(() -> {
      var store = new S3Store(executor, S3Clients.credentials(s3), config);
      LOG.info("Thumbnail store: S3 {}", s3);
      return store;
    }, false).onFailure(err -> executor.close());
  }

  /** The object key of a cache key, e.g. {@code thumbs/ab12….jpg} ({@link ObjectNames}). */
  public String objectName(String key) {
    return names.of(key);
  }

  @Override
  public Future<Boolean> exists(String key) {
    return call(key, name -> {
      try {
        client.headObject(r -> r.bucket(bucket).key(name));
        return true;
      } catch (S3Exception e) {
        // HEAD has no body, so a missing object is known by its status alone.
        if (e.statusCode() == 404) {
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public Future<Void> put(String key, Buffer jpeg) {
    // Copied here, on the caller's thread: the buffer is not ours to read from another thread later.
    var bytes = jpeg.getBytes();
    return call(key, name -> {
      client.putObject(r -> r.bucket(bucket).key(name).contentType(ObjectNames.contentType(key)), RequestBody.fromBytes(bytes));
      return null;
    });
  }

  @Override
  public Future<Buffer> get(String key) {
    return call(key, name -> Buffer.buffer(client.getObjectAsBytes(r -> r.bucket(bucket).key(name)).asByteArrayUnsafe()));
  }

  @Override
  public Future<SignedUrl> url(String key) {
    // Off the event loop too: the default credentials chain may fetch credentials over HTTP.
    return call(key, name -> {
      var signed = presigner.presignGetObject(GetObjectPresignRequest.builder()
          .signatureDuration(config.urlTtl())
          .getObjectRequest(r -> r.bucket(bucket).key(name))
          .build());
      return new SignedUrl(signed.url().toString(), signed.expiration());
    });
  }

  @Override
  public Future<Void> close() {
    return executor.executeBlocking(() -> {
      closeQuietly(presigner);
      closeQuietly(client);
      if (credentials instanceof SdkAutoCloseable closeable) {
        closeQuietly(closeable);
      }
      return (Void) null;
    }, false).eventually(executor::close);
  }

  private <T> Future<T> call(String key, NamedCall<T> body) {
    String name;
    try {
      name = objectName(key);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Callable<T> task = () -> body.run(name);
    return executor.executeBlocking(task, false);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("Closing the S3 client failed: {}", e.toString());
    }
  }

  @FunctionalInterface
  private interface NamedCall<T> {
    T run(String objectName) throws Exception;
  }
}
