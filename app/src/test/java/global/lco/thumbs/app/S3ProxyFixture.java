package global.lco.thumbs.app;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.LoggerFactory;

/**
 * A real S3 API for the service to store thumbnails in: s3proxy on a random loopback port, objects
 * in a directory, SigV4 signatures checked against one key pair, the bucket created beforehand.
 */
final class S3ProxyFixture implements AutoCloseable {
  static final String ACCESS_KEY = "thumbs-app-access";
  static final String SECRET_KEY = "thumbs-app-secret-0123456789abcdef";
  static final String BUCKET = "lco-thumbnails";

  private final S3Proxy proxy;
  private final BlobStore blobs;
  final String endpoint;

  private S3ProxyFixture(S3Proxy proxy, BlobStore blobs) {
    this.proxy = proxy;
    this.blobs = blobs;
    this.endpoint = "http://127.0.0.1:" + proxy.getPort();
  }

  static S3ProxyFixture start(Path dir) {
    // The service's logback.xml logs INFO; s3proxy's Jetty start/stop lines are not worth reading.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.gaul")).setLevel(Level.WARN);
    try {
      Files.createDirectories(dir);
      var blobs = new FilesystemNio2BlobStore(dir.toFile().getCanonicalPath());
      var proxy = S3Proxy.builder()
          .blobStore(blobs)
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
          .endpoint(URI.create("http://127.0.0.1:0"))
          // Stopping is an outage, not a drain: no graceful wait for idle keep-alive connections.
          .stopTimeout(0)
          .build();
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(10);
      }
      blobs.createContainer(BUCKET);
      return new S3ProxyFixture(proxy, blobs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not start", e);
    }
  }

  /** What the service needs to store its thumbnails here. */
  Map<String, String> env(String prefix) {
    return Map.of("THUMBNAIL_STORE", "s3", "STORAGE_URL", endpoint, "AWS_BUCKET", BUCKET,
        "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "THUMBNAIL_PREFIX", prefix);
  }

  /** An object's bytes as the backend holds them, read beside the S3 API rather than through it. */
  byte[] object(String name) {
    try (var in = blobs.getBlob(BUCKET, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }
}
