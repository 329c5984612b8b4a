package global.lco.thumbs.shared.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The single-machine store: one JPEG file per key in a directory, handed out through URLs that the
 * gateway serves under {@link StoreConfig#LOCAL_URL_PATH} and that carry an HMAC signature and an
 * expiry, like S3 presigned GETs. File I/O goes through Vert.x's async file system.
 */
public final class LocalDirectoryStore implements ThumbnailStore {
  private static final String SECRET_FILE = ".url-secret";

  private final FileSystem fs;
  private final Path dir;
  private final StoreConfig config;
  private final ObjectNames names;
  private final UrlSigner signer;
  private final Clock clock;

  private LocalDirectoryStore(Vertx vertx, StoreConfig config, UrlSigner signer, Clock clock) {
    this.fs = vertx.fileSystem();
    this.dir = config.localDir().toAbsolutePath();
    this.config = config;
    this.names = new ObjectNames(config.prefix());
    this.signer = signer;
    this.clock = clock;
  }

  /** Creates the directory and, unless configured, a persistent URL secret (so URLs survive restarts). */
  public static Future<LocalDirectoryStore> open(Vertx vertx, StoreConfig config) {
    return open(vertx, config, Clock.systemUTC());
  }

  public static Future<LocalDirectoryStore> open(Vertx vertx, StoreConfig config, Clock clock) {
    return vertx.executeBlocking(() -> {
      var dir = config.localDir().toAbsolutePath();
      Files.createDirectories(dir.resolve(config.prefix().isEmpty() ? "." : config.prefix()));
      var secret = config.urlSecret() != null
          ? config.urlSecret().getBytes(StandardCharsets.UTF_8)
          : loadOrCreateSecret(dir.resolve(SECRET_FILE));
      return new LocalDirectoryStore(vertx, config, new UrlSigner(secret), clock);
    });
  }

  private static byte[] loadOrCreateSecret(Path file) throws IOException {
    if (Files.exists(file)) {
      return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }
    var secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    try {
      Files.writeString(file, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      return loadOrCreateSecret(file);
    } catch (UnsupportedOperationException notPosix) {
      // Non-POSIX file systems keep their default permissions.
    }
    return secret;
  }

  /** The object name of a key, e.g. {@code thumbs/ab12….jpg} ({@link ObjectNames}). */
  public String objectName(String key) {
    return names.of(key);
  }

  @Override
  public Future<Boolean> exists(String key) {
    return fs.exists(file(key).toString());
  }

  @Override
  public Future<Void> put(String key, Buffer jpeg) {
    var target = file(key);
    // Write beside the target and rename, so a reader never sees half a JPEG.
    var part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part").toString();
    return fs.writeFile(part, jpeg)
        .compose(v -> fs.move(part, target.toString(), new CopyOptions().setReplaceExisting(true).setAtomicMove(true)))
        .recover(err -> fs.delete(part).otherwiseEmpty().compose(v -> Future.failedFuture(err)));
  }

  @Override
  public Future<Buffer> get(String key) {
    return fs.readFile(file(key).toString());
  }

  @Override
  public Future<SignedUrl> url(String key) {
    var expires = clock.instant().plus(config.urlTtl()).getEpochSecond();
    var name = objectName(key);
    var url = config.publicBaseUrl() + StoreConfig.LOCAL_URL_PATH + name
        + "?expires=" + expires + "&signature=" + signer.sign(name, expires);
    return Future.succeededFuture(new SignedUrl(url, Instant.ofEpochSecond(expires)));
  }

  /** Checks a signed URL's parts as the gateway received them. */
  public UrlSigner.Verdict verify(String objectName, String expires, String signature) {
    return signer.verify(objectName, expires, signature, clock.instant());
  }

  /** The key inside an object name, or {@code null} when the name is not one this store makes. */
  public String keyOf(String objectName) {
    return names.keyOf(objectName);
  }

  private Path file(String key) {
    return dir.resolve(objectName(key));
  }
}
