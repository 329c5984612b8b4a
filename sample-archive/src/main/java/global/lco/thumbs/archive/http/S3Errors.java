package global.lco.thumbs.archive.http;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** S3's XML error documents: what a download client gets instead of a FITS file. */
public final class S3Errors {
  private S3Errors() {
  }

  public static Reply accessDenied(String message, Map<String, String> details) {
    return error(403, "AccessDenied", message, details);
  }

  public static Reply signatureDoesNotMatch() {
    return error(403, "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
        Map.of());
  }

  public static Reply noSuchKey(String key) {
    return error(404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", key));
  }

  public static Reply noSuchVersion(String key, String versionId) {
    var details = new LinkedHashMap<String, String>();
    details.put("Key", key);
    details.put("VersionId", versionId == null ? "" : versionId);
    return error(404, "NoSuchVersion", "The specified version does not exist.", details);
  }

  /** A presigned URL and an {@code Authorization} header together. */
  public static Reply twoAuthMechanisms() {
    var details = new LinkedHashMap<String, String>();
    details.put("ArgumentName", "Authorization");
    details.put("ArgumentValue", "(not recorded)");
    return error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
        + "Signature query string parameter or the Authorization header should be specified", details);
  }

  public static Reply internalError() {
    return error(500, "InternalError", "We encountered an internal error. Please try again.", Map.of());
  }

  public static Reply slowDown() {
    return error(503, "SlowDown", "Please reduce your request rate.", Map.of());
  }

  public static Reply error(int status, String code, String message, Map<String, String> details) {
    var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>").append(code)
        .append("</Code><Message>").append(escape(message)).append("</Message>");
    details.forEach((name, value) -> xml.append('<').append(name).append('>').append(escape(value))
        .append("</").append(name).append('>'));
    var requestId = HexFormat.of().withUpperCase().formatHex(randomBytes(8));
    xml.append("<RequestId>").append(requestId).append("</RequestId><HostId>sample-archive</HostId></Error>");
    return Reply.of(status, "application/xml", xml.toString()).withHeader("x-amz-request-id", requestId);
  }

  private static byte[] randomBytes(int n) {
    var bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
