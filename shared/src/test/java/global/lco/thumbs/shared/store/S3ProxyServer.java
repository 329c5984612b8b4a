package global.lco.thumbs.shared.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3 API in-process: s3proxy on a random loopback port, objects in a directory, and SigV4
 * (or V2) signatures checked against one key pair, as AWS and MinIO do. Also used by the app
 * module's tests (through this module's test jar).
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "thumbs-test-access";
  public static final String SECRET_KEY = "thumbs-test-secret-0123456789abcdef";
  public static final String BUCKET = "thumbs-test";

  private final S3Proxy proxy;
  private final BlobStore blobs;
  public final String endpoint;

  private S3ProxyServer(S3Proxy proxy, BlobStore blobs) {
    this.proxy = proxy;
    this.blobs = blobs;
    this.endpoint = "http://127.0.0.1:" + proxy.getPort();
  }

  /** Starts a server storing under {@code dir} (created if need be), with {@link #BUCKET} already created. */
  public static S3ProxyServer start(Path dir) {
    BlobStore blobs;
    try {
      Files.createDirectories(dir);
      blobs = new FilesystemNio2BlobStore(dir.toFile().getCanonicalPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var proxy = S3Proxy.builder()
        .blobStore(blobs)
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        // Port 0: the kernel picks a free one, read back once started.
        .endpoint(java.net.URI.create("http://127.0.0.1:0"))
        // Stopping is an outage, not a drain: no graceful wait for idle keep-alive connections.
        .stopTimeout(0)
        .build();
    try {
      proxy.start();
      while (!"STARTED".equals(proxy.getState())) {
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not start", e);
    }
    var server = new S3ProxyServer(proxy, blobs);
    if (!blobs.containerExists(BUCKET)) {
      blobs.createContainer(BUCKET);
    }
    return server;
  }

  /** The environment of a service whose thumbnails go to this server. */
  public Map<String, String> env(String prefix) {
    var env = new HashMap<String, String>();
    env.put("THUMBNAIL_STORE", "s3");
    env.put("STORAGE_URL", endpoint);
    env.put("AWS_BUCKET", BUCKET);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    env.put("THUMBNAIL_PREFIX", prefix);
    return env;
  }

  /** The object's bytes as the backend holds them, read beside the S3 API rather than through it. */
  public byte[] object(String name) throws IOException {
    try (var in = blobs.getBlob(BUCKET, name)) {
      return in.readAllBytes();
    }
  }

  String contentType(String name) {
    return blobs.blobMetadata(BUCKET, name).contentType();
  }

  boolean has(String name) {
    return blobs.blobExists(BUCKET, name);
  }

  /** Stops the server: its port then refuses connections, as a store that is down. */
  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("s3proxy did not stop", e);
    }
  }
}
