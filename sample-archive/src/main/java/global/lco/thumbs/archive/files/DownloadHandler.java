package global.lco.thumbs.archive.files;

import global.lco.thumbs.archive.catalog.Catalog;
import global.lco.thumbs.archive.catalog.Frame;
import global.lco.thumbs.archive.catalog.FrameVersion;
import global.lco.thumbs.archive.http.Replies;
import global.lco.thumbs.archive.http.Reply;
import global.lco.thumbs.archive.http.RequestRecorder;
import global.lco.thumbs.archive.http.S3Errors;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET|HEAD /files/{key}?versionId=…&X-Amz-…}: the object store. Checks come in S3's
 * order (auth mechanism, signature, expiry, key, version); errors are S3's XML documents.
 */
public final class DownloadHandler implements Handler<RoutingContext> {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final Catalog catalog;
  private final DownloadSigner signer;
  private final Clock clock;
  private final boolean ranges;

  /** @param ranges whether a single byte range is answered with 206 ({@link ByteRange}) */
  public DownloadHandler(Catalog catalog, DownloadSigner signer, Clock clock, boolean ranges) {
    this.ranges = ranges;
    this.catalog = catalog;
    this.signer = signer;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var request = ctx.request();
    if (request.getHeader("Authorization") != null) {
      Replies.send(ctx, S3Errors.twoAuthMechanisms());
      return;
    }
    var key = ctx.normalizedPath().substring(RequestRecorder.FILES_PREFIX.length());
    var versionId = request.getParam("versionId");
    var amzDate = request.getParam("X-Amz-Date");
    var expires = request.getParam("X-Amz-Expires");
    switch (signer.verify(key, versionId, amzDate, expires, request.getParam("X-Amz-Signature"), clock.instant())) {
      case UNSIGNED -> Replies.send(ctx, S3Errors.accessDenied("Access Denied", Map.of()));
      case BAD_SIGNATURE -> Replies.send(ctx, S3Errors.signatureDoesNotMatch());
      case EXPIRED -> Replies.send(ctx, expired(expires, amzDate));
      case VALID -> serve(ctx, key, versionId);
    }
  }

  private Reply expired(String expires, String amzDate) {
    var details = new LinkedHashMap<String, String>();
    details.put("X-Amz-Expires", expires);
    details.put("Expires", DownloadSigner.expiryOf(amzDate, expires));
    details.put("ServerTime", clock.instant().toString());
    return S3Errors.accessDenied("Request has expired", details);
  }

  private void serve(RoutingContext ctx, String key, String versionId) {
    var frame = catalog.byObjectKey(key);
    if (frame == null || frame.versionless()) {
      Replies.send(ctx, S3Errors.noSuchKey(key));
      return;
    }
    var version = frame.versions().stream().filter(v -> v.key().equals(versionId)).findFirst().orElse(null);
    if (version == null) {
      Replies.send(ctx, S3Errors.noSuchVersion(key, versionId));
      return;
    }
    ctx.vertx().fileSystem().readFile(frame.file().toString()).onComplete(read -> {
      if (read.succeeded()) {
        var whole = object(frame, version, read.result());
        Replies.send(ctx, ranges ? ByteRange.apply(ctx.request().getHeader("Range"), whole) : whole);
      } else {
        Replies.send(ctx, S3Errors.internalError());
      }
    });
  }

  private static Reply object(Frame frame, FrameVersion version, Buffer bytes) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Content-Type", contentType(version.extension()));
    headers.put("Content-Disposition", "attachment; filename=" + frame.basename() + version.extension());
    headers.put("ETag", "\"" + version.md5() + "\"");
    headers.put("Last-Modified", HTTP_DATE.format(version.created()));
    headers.put("Accept-Ranges", "bytes");
    headers.put("x-amz-version-id", version.key());
    return new Reply(200, headers, bytes);
  }

  /** What ocs_archive stores with the object at ingest. */
  static String contentType(String extension) {
    var ext = extension.toLowerCase(Locale.ROOT);
    if (ext.endsWith(".fits") || ext.endsWith(".fits.fz") || ext.endsWith(".fz")) {
      return "image/fits";
    }
    return ext.endsWith(".gz") ? "application/gzip" : "application/octet-stream";
  }
}
