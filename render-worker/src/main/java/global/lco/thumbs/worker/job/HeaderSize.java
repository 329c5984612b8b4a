package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.fits.HeaderWalk;
import global.lco.thumbs.worker.orient.FrameOrientation;
import io.vertx.core.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A frame's picture size (after the thumbnail's turn) from its FITS headers, read with HTTP range
 * requests on the download URL, so info.json of a cold frame does not wait for the whole file.
 * Empty whenever that is not sure (the server ignores Range, the headers are unusual, a mosaic):
 * the caller then downloads and decodes as before.
 */
final class HeaderSize {
  private static final Logger LOG = LoggerFactory.getLogger(HeaderSize.class);
  /** Eight FITS blocks a request: a primary header and most image headers in one or two requests. */
  static final int PIECE = 8 * 2880;
  /** Requests before giving up on the shortcut. */
  static final int MAX_REQUESTS = 16;

  /** Picture width and height, as the worker's stretched frame would have them. */
  record Dimensions(int width, int height) {
  }

  private final FitsFetcher fetcher;
  private final FitsLimits limits;

  HeaderSize(FitsFetcher fetcher, FitsLimits limits) {
    this.fetcher = fetcher;
    this.limits = limits;
  }

  Future<Optional<Dimensions>> of(String url, RenderParams params, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    var walk = new HeaderWalk(limits);
    return step(walk, walk.start(), url, deadline, 0).map(found -> {
      var turn = FrameOrientation.of(params.orientation(), found.width(), found.height(), found.orientation())
          .afterLegacyFlip();
      return Optional.of(new Dimensions(turn.width(found.width(), found.height()),
          turn.height(found.width(), found.height())));
    }).otherwise(why -> {
      LOG.debug("size from headers not used: {}", why.getMessage());
      return Optional.empty();
    });
  }

  private Future<HeaderWalk.Found> step(HeaderWalk walk, HeaderWalk.Step step, String url, long deadline, int requests) {
    return switch (step) {
      case HeaderWalk.Found found -> Future.succeededFuture(found);
      case HeaderWalk.Unsure unsure -> Future.failedFuture(new IllegalStateException(unsure.why()));
      case HeaderWalk.NeedBytes need -> requests >= MAX_REQUESTS
          ? Future.failedFuture(new IllegalStateException("more than " + MAX_REQUESTS + " requests"))
          : fetcher.fetchRange(url, need.from(), need.from() + PIECE - 1, deadline - System.currentTimeMillis())
              .compose(part -> step(walk, walk.offer(part.bytes(), part.total()), url, deadline,
                  requests + 1));
    };
  }
}
