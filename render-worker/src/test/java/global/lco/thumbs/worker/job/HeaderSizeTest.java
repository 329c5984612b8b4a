package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The size from headers over real HTTP on loopback, with a server that honours Range and one that does not. */
class HeaderSizeTest {
  private static final FitsLimits LIMITS = FitsLimits.of(100_000_000L);
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");
  private final Vertx vertx = Vertx.vertx();
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private final byte[] file = Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private String serve(boolean honourRange) {
    var server = vertx.createHttpServer().requestHandler(req -> {
      var range = req.getHeader("Range");
      ranges.add(String.valueOf(range));
      var m = range == null ? null : RANGE.matcher(range);
      if (!honourRange || m == null || !m.matches()) {
        req.response().end(Buffer.buffer(file));
        return;
      }
      int first = Integer.parseInt(m.group(1));
      int last = Math.min(Integer.parseInt(m.group(2)), file.length - 1);
      req.response().setStatusCode(206).putHeader("Content-Range", "bytes " + first + "-" + last + "/" + file.length)
          .end(Buffer.buffer(file).getBuffer(first, last + 1));
    }).listen(0, "127.0.0.1").await();
    return "http://127.0.0.1:" + server.actualPort() + "/file.fits.fz";
  }

  private HeaderSize headerSize() {
    return new HeaderSize(new FitsFetcher(vertx.createHttpClient(), 100_000_000L), LIMITS);
  }

  private static RenderParams params(OrientationMode mode) {
    return new RenderParams(RenderParams.DEFAULT_SIDE, RenderParams.DEFAULT_SIDE, "", false,
        RenderParams.DEFAULT_PERCENTILE, RenderParams.DEFAULT_QUALITY).withOrientation(mode);
  }

  @Test
  @DisplayName("A server that honours Range gives the decoder's size from a few ranged requests")
  void ranged() throws Exception {
    var shape = new FitsDecoder(LIMITS).inspect(file);
    var size = headerSize().of(serve(true), params(OrientationMode.LEGACY), 5000).await();
    assertThat(size).contains(new HeaderSize.Dimensions(shape.width(), shape.height()));
    assertThat(ranges).isNotEmpty().hasSizeLessThanOrEqualTo(3).allSatisfy(r -> assertThat(r).startsWith("bytes="));
  }

  @Test
  @DisplayName("A server that ignores Range (200) gets one request, reset: the caller falls back to the download")
  void ignored() {
    var size = headerSize().of(serve(false), params(OrientationMode.LEGACY), 5000).await();
    assertThat(size).isEmpty();
    assertThat(ranges).hasSize(1);
  }
}
