package global.lco.thumbs.gateway.colour;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.shared.contract.Failure;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the colour set of a request: every page of the request's reduced frames, read with the
 * caller's Authorization, then {@link ColourSet#choose}. Old services read only the first page, so a
 * request with many frames could hide its filters; here {@code next} is followed, up to a cap that
 * keeps a runaway archive answer from holding the request forever.
 */
public final class SiblingLookup {
  /** The archive's own default page size; larger pages only make each answer slower. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  /** 20 pages of 100 frames is far more than any real request has at reduction level 91. */
  public static final int DEFAULT_MAX_PAGES = 20;

  private final ArchiveClient archive;
  private final int pageSize;
  private final int maxPages;

  public SiblingLookup(ArchiveClient archive) {
    this(archive, DEFAULT_PAGE_SIZE, DEFAULT_MAX_PAGES);
  }

  public SiblingLookup(ArchiveClient archive, int pageSize, int maxPages) {
    if (pageSize < 1 || maxPages < 1) {
      throw new IllegalArgumentException("pageSize and maxPages must be >= 1");
    }
    this.archive = archive;
    this.pageSize = pageSize;
    this.maxPages = maxPages;
  }

  /** The set to render, or a 404 {@code RVB frames not found} when no family is complete. */
  public Future<ColourSet> colourSet(long requestId, String authorization) {
    return siblings(requestId, authorization).compose(frames -> ColourSet.choose(frames)
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(Failure.COLOR_FRAMES_NOT_FOUND.problem())));
  }

  /** Every listed frame of the request at reduction level 91, page after page. */
  public Future<List<ArchiveFrame>> siblings(long requestId, String authorization) {
    return collect(archive.framesOfRequest(requestId, pageSize, authorization), new ArrayList<>(), 1, authorization);
  }

  private Future<List<ArchiveFrame>> collect(Future<JsonObject> page, List<ArchiveFrame> frames, int pages,
                                             String authorization) {
    return page.compose(json -> {
      if (!(json.getValue("results") instanceof JsonArray results)) {
        return Future.failedFuture(Failure.UPSTREAM_ERROR.problem());
      }
      for (var item : results) {
        if (item instanceof JsonObject record) {
          frames.add(new ArchiveFrame(record));
        }
      }
      if (!(json.getValue("next") instanceof String next) || next.isEmpty() || pages >= maxPages) {
        return Future.succeededFuture(frames);
      }
      return collect(archive.nextFramesPage(next, authorization), frames, pages + 1, authorization);
    });
  }
}
