package global.lco.thumbs.worker.render.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.sky.CelestialWcs;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChannelAlignmentTest {
  private static final FitsImage K = Planes.decode("color/gc_2mass_k.fits");
  private static final FitsImage J = Planes.decode("color/gc_2mass_j.fits");

  @Test
  @DisplayName("Frames whose WCS put them on one pixel grid get a zero shift from the WCS, not a measured one")
  void sameGridIsZero() {
    var red = channel(K);
    var blue = channel(J);

    var shift = align(red, blue);

    assertThat(shift.basis()).isEqualTo(Shift.Basis.WCS);
    assertThat(shift.aligned()).isTrue();
    assertThat(shift.dx()).isZero();
    assertThat(shift.dy()).isZero();
  }

  @Test
  @DisplayName("A WCS offset by a sub-pixel amount gives that shift (FITS y up is picture y down)")
  void wcsOffset() {
    var red = channel(K);
    var green = new Channel(Planes.stretched(J), Optional.of(moved(wcs(J), 3.4, -1.7)));

    var shift = align(red, green);

    assertThat(shift.basis()).isEqualTo(Shift.Basis.WCS);
    assertThat(shift.dx()).isCloseTo(3.4, within(1e-6));
    assertThat(shift.dy()).isCloseTo(1.7, within(1e-6));
  }

  @Test
  @DisplayName("Grids within 0.05 px of whole pixels are taken as whole pixels, so nothing is resampled")
  void nearlyWholeIsWhole() {
    var red = channel(K);
    var green = new Channel(Planes.stretched(J), Optional.of(moved(wcs(J), 5.03, -0.04)));

    var shift = align(red, green);

    assertThat(shift.dx()).isEqualTo(5.0);
    assertThat(shift.dy()).isEqualTo(0.0);
  }

  @Test
  @DisplayName("Frames whose WCS differ in rotation are stacked unaligned rather than half-aligned")
  void rotationIsUnaligned() {
    var red = channel(K);
    var green = new Channel(Planes.stretched(J), Optional.of(rotated(wcs(J), 1.0)));

    var shift = align(red, green);

    assertThat(shift.aligned()).isFalse();
    assertThat(shift.basis()).isEqualTo(Shift.Basis.NONE);
  }

  @Test
  @DisplayName("Frames of unrelated fields with WCS are stacked unaligned")
  void unrelatedFieldsUnaligned() {
    var sdss = Planes.decode("lco-like/sdss-86S-rp-lco-like.fits.fz");
    var red = channel(K);
    var green = channel(sdss);

    var shift = align(red, green);

    assertThat(shift.aligned()).isFalse();
    assertThat(shift.dx()).isZero();
    assertThat(shift.dy()).isZero();
  }

  @Test
  @DisplayName("Frames in different celestial reference frames are registered by correlation instead")
  void differentReferenceFramesCorrelate() {
    var red = channel(K);
    var fk4 = wcs(J);
    var green = new Channel(Planes.stretched(J), Optional.of(new CelestialWcs(fk4.crpix1(), fk4.crpix2(), fk4.crval1(),
        fk4.crval2(), fk4.cd(), fk4.sip(), "FK4/1950.0")));

    var shift = align(red, green);

    assertThat(shift.basis()).isEqualTo(Shift.Basis.CORRELATION);
  }

  @Test
  @DisplayName("A correlation shift below 0.1 px is treated as none: a copy of a channel is not moved")
  void correlationNoiseIsNone() {
    var plane = Planes.stretched(K);

    var shift = ChannelAlignment.align("green", Channel.of(plane), Channel.of(plane), plane, plane);

    assertThat(shift.basis()).isEqualTo(Shift.Basis.CORRELATION);
    assertThat(shift.dx()).isZero();
    assertThat(shift.dy()).isZero();
  }

  @Test
  @DisplayName("A frame that is a crop of the reference is placed by its WCS after both are centre-cropped")
  void centreCropOffsets() {
    var full = Planes.stretched(K);
    // A 601 x 500 window at picture (50, 100) of the 721 x 720 frame: FITS column 51 and FITS row
    // 720 − 599 = 121 become its first, so its reference pixel moves by (−50, −120).
    var window = Planes.crop(full, 50, 100, 601, 500);
    var green = new Channel(window, Optional.of(moved(wcs(K), -50, -120)));
    var red = channel(K);

    var shift = ChannelAlignment.align("green", red, green, full.centreCrop(601, 500), window);

    // Red's centre crop starts at (60, 110): the window's content sits 10 px further on both ways.
    assertThat(shift.dx()).isEqualTo(10.0);
    assertThat(shift.dy()).isEqualTo(10.0);
  }

  private static Shift align(Channel red, Channel moving) {
    return ChannelAlignment.align("green", red, moving, red.plane(), moving.plane());
  }

  private static Channel channel(FitsImage image) {
    return new Channel(Planes.stretched(image), image.wcs());
  }

  private static CelestialWcs wcs(FitsImage image) {
    return image.wcs().orElseThrow();
  }

  static CelestialWcs moved(CelestialWcs wcs, double dx, double dy) {
    return new CelestialWcs(wcs.crpix1() + dx, wcs.crpix2() + dy, wcs.crval1(), wcs.crval2(), wcs.cd(), wcs.sip(),
        wcs.reference());
  }

  private static CelestialWcs rotated(CelestialWcs wcs, double degrees) {
    double c = Math.cos(Math.toRadians(degrees));
    double s = Math.sin(Math.toRadians(degrees));
    double[] m = wcs.cd();
    double[] r = {c * m[0] - s * m[2], c * m[1] - s * m[3], s * m[0] + c * m[2], s * m[1] + c * m[3]};
    return new CelestialWcs(wcs.crpix1(), wcs.crpix2(), wcs.crval1(), wcs.crval2(), r, wcs.sip(), wcs.reference());
  }
}
