package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.pixels.Plane;

import global.lco.thumbs.worker.sky.CelestialWcs;
import java.util.Optional;

/**
 * One stretched colour channel as it came from its frame, before any cropping, with the frame's
 * celestial WCS when it has one (its pixel coordinates are those of the uncropped plane).
 *
 * @param turn what is left to turn the channel's picture (already flipped like fits2image's) north up;
 *             {@link Turn#NONE} keeps the legacy flip. The composite takes red's.
 */
public record Channel(Plane plane, Optional<CelestialWcs> wcs, Turn turn) {

  public Channel(Plane plane, Optional<CelestialWcs> wcs) {
    this(plane, wcs, Turn.NONE);
  }

  /** A channel whose frame has no usable WCS: it can only be registered by correlation. */
  public static Channel of(Plane plane) {
    return new Channel(plane, Optional.empty());
  }
}
