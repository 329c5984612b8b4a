package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.orient.FrameOrientation;
import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.planet.PlanetGain;
import global.lco.thumbs.worker.planet.PlanetStretch;
import global.lco.thumbs.worker.render.MonoRenderer;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.render.colour.Channel;

/**
 * A decoded frame to the full-resolution 8-bit picture the rest of the pipeline sizes: the fits2image
 * stretch or planet mode, both with the legacy flip fused in, then what is left of the frame's turn.
 * Where the thumbnail is sized straight from the stretched frame (no turn, no planet crop, no IIIF
 * region), the stretch also makes the thumbnail's box reduce in its own pass
 * ({@link MonoRenderer#stretchFor}): one pass over the 8-bit frame fewer, the same pixels.
 */
final class FrameStretch {

  private FrameStretch() {
  }

  /** A colour channel, flipped only (the composite is turned once, as its red channel says), with its reduce if made. */
  record StretchedChannel(Channel channel, byte[] reduced, int fx, int fy) {
  }

  /** A mono frame, turned as {@code params} and its header say. */
  static MonoRenderer.Stretched stretched(FitsImage image, RenderParams params, StageTimer timer) {
    Turn rest = turn(image, params);
    if (params.planet() || params.tile() != null || !rest.equals(Turn.NONE)) {
      Plane flipped = flipped(image, params, timer);
      Plane turned = rest.equals(Turn.NONE) ? flipped : timer.stage("orient", () -> rest.apply(flipped));
      return new MonoRenderer.Stretched(turned, null, 1, 1);
    }
    return MonoRenderer.stretchFor(image.pixels(), image.width(), image.height(), params, timer);
  }

  /** As {@link #stretched}, the frame alone. */
  static Plane plane(FitsImage image, RenderParams params, StageTimer timer) {
    return stretched(image, params, timer).frame();
  }

  /**
   * A colour channel. The composite reuses the reduce only when its own factors match (a turn that
   * swaps sides sizes the composite in the swapped box), so none is made where it cannot match.
   */
  static StretchedChannel channel(FitsImage image, RenderParams params) {
    Turn turn = turn(image, params);
    var timer = new StageTimer();
    if (params.planet() || params.tile() != null || turn.swapsSides()) {
      return new StretchedChannel(new Channel(flipped(image, params, timer), image.wcs(), turn), null, 1, 1);
    }
    var stretched = MonoRenderer.stretchFor(image.pixels(), image.width(), image.height(), params, timer);
    return new StretchedChannel(new Channel(stretched.frame(), image.wcs(), turn), stretched.reduced(),
        stretched.fx(), stretched.fy());
  }

  private static Plane flipped(FitsImage image, RenderParams params, StageTimer timer) {
    if (params.planet()) {
      return timer.stage("planet", () -> PlanetStretch.stretch(image.pixels(), image.width(), image.height(),
          PlanetGain.forTarget(params.target())));
    }
    return MonoRenderer.stretch(image.pixels(), image.width(), image.height(), params, timer);
  }

  private static Turn turn(FitsImage image, RenderParams params) {
    return FrameOrientation.of(params.orientation(), image.width(), image.height(), image.orientation())
        .afterLegacyFlip();
  }
}
