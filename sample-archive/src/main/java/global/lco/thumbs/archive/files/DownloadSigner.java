package global.lco.thumbs.archive.files;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * S3-like presigned download URLs: the query names the version, the signing time and the
 * lifetime, and an HMAC-SHA256 over method, object key, version, time and lifetime, so none of
 * them can be changed. The parameter names and order are boto3's SigV4 ones; the signature is
 * not real SigV4 (no client verifies it but this server).
 */
public final class DownloadSigner {
  public static final String ALGORITHM = "AWS4-HMAC-SHA256";
  static final String ACCESS_KEY = "SAMPLEARCHIVEKEY";
  static final String REGION = "us-west-2";
  private static final String HMAC = "HmacSHA256";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final SecretKeySpec secret;

  public DownloadSigner(byte[] secret) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the signing secret must be at least 16 bytes");
    }
    this.secret = new SecretKeySpec(secret.clone(), HMAC);
  }

  /** The query string (without {@code ?}) of a presigned GET, signed at {@code now}. */
  public String presignedQuery(String objectKey, String versionId, Instant now, long expiresSeconds) {
    var amzDate = AMZ_DATE.format(now);
    var credential = ACCESS_KEY + "%2F" + amzDate.substring(0, 8) + "%2F" + REGION + "%2Fs3%2Faws4_request";
    return "versionId=" + versionId
        + "&X-Amz-Algorithm=" + ALGORITHM
        + "&X-Amz-Credential=" + credential
        + "&X-Amz-Date=" + amzDate
        + "&X-Amz-Expires=" + expiresSeconds
        + "&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=" + sign(objectKey, versionId, amzDate, String.valueOf(expiresSeconds));
  }

  /** Why a download is refused, or {@link Verdict#VALID}. Expiry is checked only on a genuine signature. */
  public Verdict verify(String objectKey, String versionId, String amzDate, String expires, String signature,
      Instant now) {
    if (amzDate == null || expires == null || signature == null) {
      return Verdict.UNSIGNED;
    }
    var expected = sign(objectKey, versionId == null ? "" : versionId, amzDate, expires);
    // Constant-time comparison, as a signature must not be guessable byte by byte.
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    try {
      var signedAt = Instant.from(AMZ_DATE.parse(amzDate));
      // Expired from the last second on: a URL minted with a lifetime of 0 never works.
      return now.isBefore(signedAt.plusSeconds(Long.parseLong(expires))) ? Verdict.VALID : Verdict.EXPIRED;
    } catch (DateTimeParseException | NumberFormatException e) {
      return Verdict.BAD_SIGNATURE;
    }
  }

  /** The instant a URL signed at {@code amzDate} for {@code expires} seconds stops working, for error bodies. */
  public static String expiryOf(String amzDate, String expires) {
    try {
      return Instant.from(AMZ_DATE.parse(amzDate)).plusSeconds(Long.parseLong(expires)).toString();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String sign(String objectKey, String versionId, String amzDate, String expires) {
    try {
      var mac = Mac.getInstance(HMAC);
      mac.init(secret);
      var text = "GET\n/" + objectKey + "\n" + versionId + "\n" + amzDate + "\n" + expires;
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** The outcome of checking a download URL. */
  public enum Verdict { VALID, UNSIGNED, BAD_SIGNATURE, EXPIRED }
}
