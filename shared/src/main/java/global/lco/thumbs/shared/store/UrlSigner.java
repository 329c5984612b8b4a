package global.lco.thumbs.shared.store;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for the local store's expiring thumbnail URLs: the embedded stand-in for
 * S3 presigned GETs. The signature covers the object key and the expiry, so neither can be changed.
 */
public final class UrlSigner {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec secret;
  /** One keyed Mac per thread: looking the algorithm up and keying it cost more than signing a URL. */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public UrlSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("URL signing secret must be at least 16 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  public String sign(String objectName, long expiresEpochSeconds) {
    var text = "GET\n" + objectName + "\n" + expiresEpochSeconds;
    // doFinal leaves the Mac reset and keyed for the next signature.
    return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      var mac = Mac.getInstance(ALGORITHM);
      mac.init(secret);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Why a signed URL is refused, or {@link Verdict#VALID}. */
  public Verdict verify(String objectName, String expires, String signature, Instant now) {
    if (expires == null || signature == null) {
      return Verdict.BAD_SIGNATURE;
    }
    long expiresAt;
    try {
      expiresAt = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return Verdict.BAD_SIGNATURE;
    }
    var expected = sign(objectName, expiresAt).getBytes(StandardCharsets.US_ASCII);
    // Constant-time comparison: the signature must not be guessable byte by byte.
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    return now.getEpochSecond() > expiresAt ? Verdict.EXPIRED : Verdict.VALID;
  }

  public enum Verdict { VALID, EXPIRED, BAD_SIGNATURE }
}
