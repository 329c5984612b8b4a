package global.lco.thumbs.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** MD5 computed independently of the code under test. */
final class Md5 {
  private Md5() {
  }

  static String of(Path file) throws Exception {
    return of(Files.readAllBytes(file));
  }

  static String of(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
  }
}
