package global.lco.thumbs.gateway.http;

import global.lco.thumbs.gateway.archive.ArchiveClient;
import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.gateway.archive.CallerLookups;
import global.lco.thumbs.gateway.archive.FrameValidator;
import global.lco.thumbs.gateway.colour.ColourSet;
import global.lco.thumbs.gateway.colour.SiblingLookup;
import global.lco.thumbs.gateway.dispatch.RenderDispatcher;
import global.lco.thumbs.gateway.iiif.IiifIdentifier;
import global.lco.thumbs.gateway.iiif.PictureSizes;
import global.lco.thumbs.shared.cache.CacheKey;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.TileParams;
import io.vertx.core.Future;
import java.util.List;

/**
 * What a IIIF identifier names, as one caller may see it (docs/iiif.md): the frame looked up with the
 * caller's Authorization and validated as for a thumbnail; for {@code ~color} also its request's red,
 * green and blue frames, found and validated exactly as for a {@code color=true} thumbnail (same
 * refusals); then the picture's size, kept by the gateway, else asked of the worker owning the frames.
 * Lookups are remembered per caller for IIIF_LOOKUP_TTL_MS, since a viewer asks for dozens of tiles.
 */
final class IiifPictures {
  private final ArchiveClient archive;
  private final SiblingLookup siblings;
  private final CallerLookups lookups;
  private final FrameValidator validator;
  private final RenderDispatcher dispatcher;
  private final OrientationMode orientation;
  private final PictureSizes sizes = new PictureSizes(10_000);

  /** A picture: its render parameters, its frames (one, or red, green and blue) and its size. */
  record Picture(RenderParams params, List<FrameSource> frames, PictureSizes.Dimensions size) {
    boolean composite() {
      return frames.size() == 3;
    }
  }

  IiifPictures(ArchiveClient archive, CallerLookups lookups, FrameValidator validator, RenderDispatcher dispatcher,
               OrientationMode orientation) {
    this.archive = archive;
    this.siblings = new SiblingLookup(archive);
    this.lookups = lookups;
    this.validator = validator;
    this.dispatcher = dispatcher;
    this.orientation = orientation;
  }

  Future<Picture> picture(String authorization, IiifIdentifier id, String requestId, long deadlineMs) {
    return lookups.lookup(authorization, id.frame(), () -> FrameSegment.isFrameId(id.frame())
            ? archive.frameById(Long.parseLong(id.frame()), authorization)
            : archive.frameByBasename(id.frame(), authorization))
        .compose(frame -> {
          var invalid = validator.check(frame, id.color());
          if (invalid.isPresent()) {
            return Future.failedFuture(invalid.get());
          }
          var params = params(frame, id);
          return frames(frame, id, authorization).compose(frames -> sized(params, frames, requestId, deadlineMs));
        });
  }

  /** The frame itself, or the colour set of its request (any frame of the request names the same composite). */
  private Future<List<FrameSource>> frames(ArchiveFrame frame, IiifIdentifier id, String authorization) {
    if (!id.color()) {
      return Future.succeededFuture(List.of(new FrameSource(frame.id(), frame.pixelVersion(), frame.filename(),
          frame.url())));
    }
    long request = frame.requestId();
    return lookups.remembered(authorization, "colour set of request " + request, ColourSet.class,
        () -> siblings.colourSet(request, authorization)).map(ColourSet::sources);
  }

  private Future<Picture> sized(RenderParams params, List<FrameSource> frames, String requestId, long deadlineMs) {
    var sizeKey = PictureSizes.Key.of(frames, params);
    var known = sizes.get(sizeKey);
    if (known != null) {
      return Future.succeededFuture(new Picture(params, frames, known));
    }
    var sizeOnly = params.withTile(TileParams.SIZE_ONLY);
    var job = new RenderJob(requestId, CacheKey.of(frames, sizeOnly), frames, sizeOnly, deadlineMs, false);
    return dispatcher.render(job).map(reply -> {
      var size = new PictureSizes.Dimensions(reply.width(), reply.height());
      sizes.put(sizeKey, size);
      return new Picture(params, frames, size);
    });
  }

  /**
   * The thumbnail's stretch and orientation: a spectrum keeps the legacy flip, as its thumbnail does
   * (a composite takes its orientation from the asked frame's, as a colour thumbnail does).
   */
  private RenderParams params(ArchiveFrame frame, IiifIdentifier id) {
    var base = new RenderParams(RenderParams.DEFAULT_SIDE, RenderParams.DEFAULT_SIDE, "", id.median(),
        RenderParams.DEFAULT_PERCENTILE, RenderParams.DEFAULT_QUALITY);
    return base.withOrientation(frame.spectrum() ? OrientationMode.LEGACY : orientation);
  }
}
