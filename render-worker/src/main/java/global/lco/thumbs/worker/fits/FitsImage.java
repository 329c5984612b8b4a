package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.orient.OrientationHeader;
import global.lco.thumbs.worker.sky.CelestialWcs;
import java.util.Optional;

/**
 * A decoded 2-D image in physical units: {@code pixels[row * width + col]}, FITS row 0 first.
 * Missing values (BLANK, NaN, ±Inf) are {@link Float#NaN}.
 *
 * @param wcs         the image's celestial coordinates, when its header has a WCS colour registration can use
 * @param orientation what its header says about turning it north up ({@link OrientationHeader#NONE} for none)
 */
public record FitsImage(int width, int height, float[] pixels, Optional<CelestialWcs> wcs,
                        OrientationHeader orientation) {

  public FitsImage(int width, int height, float[] pixels) {
    this(width, height, pixels, Optional.empty(), OrientationHeader.NONE);
  }

  FitsImage withHeader(Optional<CelestialWcs> celestial, OrientationHeader orienting) {
    return new FitsImage(width, height, pixels, celestial, orienting);
  }
}
