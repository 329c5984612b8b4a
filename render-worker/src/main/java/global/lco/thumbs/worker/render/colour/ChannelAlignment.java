package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how a channel is aligned onto the reference (red) channel. Frames that both carry a
 * celestial WCS in one reference frame are aligned by it: exact, and it never moves frames that
 * already share a pixel grid. Otherwise image correlation measures the shift; a result within
 * {@link #CORRELATION_NOISE_PX} of whole pixels is taken as whole, since resampling by less than
 * the measurement's own noise only softens the stars.
 */
public final class ChannelAlignment {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelAlignment.class);

  /** Correlation offsets closer than this to whole pixels are measurement noise (it is good to 0.1–0.3 px). */
  static final double CORRELATION_NOISE_PX = 0.1;

  private ChannelAlignment() {
  }

  /**
   * @param name            the moving channel's name, for the log
   * @param croppedReference the reference plane centre-cropped to the common size
   * @param croppedMoving    the moving plane centre-cropped to the same size
   */
  public static Shift align(String name, Channel reference, Channel moving, Plane croppedReference, Plane croppedMoving) {
    var referenceWcs = reference.wcs();
    var movingWcs = moving.wcs();
    if (referenceWcs.isPresent() && movingWcs.isPresent()) {
      if (referenceWcs.get().reference().equals(movingWcs.get().reference())) {
        var outcome = WcsRegistration.estimate(reference.plane(), referenceWcs.get(), moving.plane(), movingWcs.get(),
            croppedReference.width(), croppedReference.height());
        if (outcome instanceof WcsRegistration.Translation translation) {
          return translation.shift();
        }
        LOG.info("colour: {} stacked unaligned: {}", name, ((WcsRegistration.Unaligned) outcome).reason());
        return Shift.none(0);
      }
      LOG.info("colour: {} and red are in different celestial frames ({}, {}); registering by image correlation",
          name, movingWcs.get().reference(), referenceWcs.get().reference());
    }
    var measured = Registration.estimate(croppedReference, croppedMoving);
    return measured.aligned() ? measured.snapped(CORRELATION_NOISE_PX) : measured;
  }
}
