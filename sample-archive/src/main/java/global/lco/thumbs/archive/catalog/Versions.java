package global.lco.thumbs.archive.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Deterministic version rows: the same catalogue always gives the same ids, keys and dates. */
public final class Versions {
  private static final long ID_BASE = 90_000_000L;

  private Versions() {
  }

  /** {@code count} versions, newest first, the oldest ingested a quarter of an hour after the exposure. */
  public static List<FrameVersion> initial(long frameId, int count, String md5, String extension, Instant observed) {
    var first = (observed == null ? Instant.parse("2000-01-01T00:00:00Z") : observed).plus(Duration.ofMinutes(15));
    var versions = new ArrayList<FrameVersion>(count);
    for (int number = count; number >= 1; number--) {
      versions.add(make(frameId, number, md5, extension, first.plus(Duration.ofDays(number - 1L))));
    }
    return versions;
  }

  /** Version {@code number} (1 = first) of a frame; ids stay unique while a frame has fewer than 100. */
  public static FrameVersion make(long frameId, int number, String md5, String extension, Instant created) {
    var key = sha256Hex("sample-archive-version:" + frameId + ":" + number).substring(0, 32);
    return new FrameVersion(ID_BASE + frameId * 100 + number, key, md5, extension, created);
  }

  /** Lowercase hex MD5 of the file's bytes. */
  public static String md5(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      var digest = MessageDigest.getInstance("MD5");
      var buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }

  private static String sha256Hex(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
