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
 */
final class FrameStretch {

  private FrameStretch() {
  }

  /** A mono frame, turned as {@code params} and its header say. */
  static Plane plane(FitsImage image, RenderParams params, StageTimer timer) {
    Plane flipped = flipped(image, params, timer);
    Turn rest = turn(image, params);
    return rest.equals(Turn.NONE) ? flipped : timer.stage("orient", () -> rest.apply(flipped));
  }

  /** A colour channel, flipped only: the composite is turned once, as its red channel says. */
  static Channel channel(FitsImage image, RenderParams params) {
    return new Channel(flipped(image, params, new StageTimer()), image.wcs(), turn(image, params));
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
