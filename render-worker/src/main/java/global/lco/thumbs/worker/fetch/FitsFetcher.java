package global.lco.thumbs.worker.fetch;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.upstream.UpstreamFailures;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/**
 * Downloads a FITS file from the archive's presigned URL into memory. No Authorization is ever
 * sent (the URL is the credential, and S3 rejects a second one). The body is streamed against a
 * hard byte cap, so a lying or missing Content-Length cannot make the worker buffer without bound;
 * on timeout or cap the connection is reset rather than left open.
 */
public final class FitsFetcher {
  private final HttpClient http;
  private final long maxBytes;

  public FitsFetcher(HttpClient http, long maxBytes) {
    this.http = http;
    this.maxBytes = maxBytes;
  }

  private static final String USER_AGENT = "lco-thumbs/1.0";

  /** Bytes reserved up front from a declared length: a lying Content-Length cannot make the worker allocate more. */
  static final int MAX_PRESIZE = 64 * 1024 * 1024;

  /** The file's bytes, in one array of exactly their length when the server declared it. */
  public Future<byte[]> fetch(String url, long timeoutMs) {
    if (timeoutMs <= 0) {
      return Future.failedFuture(Failure.UPSTREAM_TIMEOUT.problem());
    }
    RequestOptions options;
    try {
      options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
          .setConnectTimeout(timeoutMs).setIdleTimeout(timeoutMs)
          .putHeader("User-Agent", USER_AGENT);
    } catch (RuntimeException badUrl) {
      return Future.failedFuture(Failure.UPSTREAM_ERROR.problem());
    }
    var request = new HttpClientRequest[1];
    return http.request(options)
        .compose(req -> {
          request[0] = req;
          return req.send();
        })
        .compose(this::readCapped)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .recover(err -> {
          if (request[0] != null) {
            request[0].reset();
          }
          return Future.failedFuture(UpstreamFailures.forTransport(err));
        });
  }

  private Future<byte[]> readCapped(HttpClientResponse response) {
    int status = response.statusCode();
    if (status != 200) {
      response.request().reset();
      return Future.failedFuture(UpstreamFailures.forStatus(status, null));
    }
    var declared = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && parseLength(declared) > maxBytes) {
      response.request().reset();
      return Future.failedFuture(tooLarge());
    }
    var promise = Promise.<byte[]>promise();
    long length = declared == null ? -1 : parseLength(declared);
    // Chunks are copied straight into the array the decoder reads: no growing buffer, no second copy.
    var body = new Body(length < 0 ? 64 * 1024 : (int) Math.min(length, MAX_PRESIZE));
    response.handler(chunk -> {
      if (promise.future().isComplete()) {
        return;
      }
      if (body.length + (long) chunk.length() > maxBytes) {
        // Fail first: the reset reports itself to the exception handler, which would otherwise win.
        promise.tryFail(tooLarge());
        response.request().reset();
        return;
      }
      body.append(chunk);
    });
    response.exceptionHandler(promise::tryFail);
    response.endHandler(done -> promise.tryComplete(body.bytes()));
    return promise.future();
  }

  /** A byte array filled chunk by chunk, doubled when a chunk does not fit. */
  private static final class Body {
    private byte[] bytes;
    private int length;

    Body(int capacity) {
      bytes = new byte[Math.max(capacity, 1)];
    }

    void append(Buffer chunk) {
      int n = chunk.length();
      if (length + n > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
            Math.max((long) length + n, 2L * bytes.length)));
      }
      chunk.getBytes(0, n, bytes, length);
      length += n;
    }

    byte[] bytes() {
      return length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
    }
  }

  private Problem tooLarge() {
    return Failure.UNREADABLE_FITS.problem("The FITS file is larger than the limit of " + maxBytes + " bytes");
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
