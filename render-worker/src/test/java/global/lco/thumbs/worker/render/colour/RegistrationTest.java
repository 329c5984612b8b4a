package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistrationTest {
  private static final String LCO_FRAME = "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz";

  @Test
  @DisplayName("Copies of one real frame shifted by known sub-pixel offsets register to within 0.3 px")
  void syntheticTripletRegisters() {
    var frame = Planes.decode(LCO_FRAME);
    var red = Planes.stretched(frame);
    // Shifted in FITS rows; the planes are flipped (FITS row 0 at the bottom), so y changes sign.
    var green = Planes.stretched(Planes.shifted(frame, 3.4, -1.7));
    var blue = Planes.stretched(Planes.shifted(frame, -12.25, 7.6));

    var greenShift = Registration.estimate(red, green);
    var blueShift = Registration.estimate(red, blue);

    assertThat(greenShift.aligned()).isTrue();
    assertThat(greenShift.dx()).isCloseTo(3.4, within(0.3));
    assertThat(greenShift.dy()).isCloseTo(1.7, within(0.3));
    assertThat(blueShift.aligned()).isTrue();
    assertThat(blueShift.dx()).isCloseTo(-12.25, within(0.3));
    assertThat(blueShift.dy()).isCloseTo(-7.6, within(0.3));
  }

  @Test
  @DisplayName("An offset larger than a coarse cell is still found, then refined at full resolution")
  void largeOffset() {
    var frame = Planes.decode("color/gc_2mass_h.fits");
    var shift = Registration.estimate(Planes.stretched(frame), Planes.stretched(Planes.shifted(frame, 41.3, -25.8)));

    assertThat(shift.aligned()).isTrue();
    assertThat(shift.dx()).isCloseTo(41.3, within(0.3));
    assertThat(shift.dy()).isCloseTo(25.8, within(0.3));
  }

  @Test
  @DisplayName("The real 2MASS J/H/K bands of one field register confidently at (almost) no offset")
  void realBandsOfOneField() {
    var k = Planes.stretched("color/gc_2mass_k.fits");
    var j = Planes.stretched("color/gc_2mass_j.fits");

    var shift = Registration.estimate(k, j);

    assertThat(shift.aligned()).isTrue();
    assertThat(shift.confidence()).isGreaterThan(Registration.MIN_CONFIDENCE);
    assertThat(Math.hypot(shift.dx(), shift.dy())).isLessThan(0.3);
  }

  @Test
  @DisplayName("Unrelated images are not confident and stay unaligned")
  void unrelatedStayUnaligned() {
    var random = new Random(42);
    byte[] a = new byte[400 * 300];
    byte[] b = new byte[400 * 300];
    random.nextBytes(a);
    random.nextBytes(b);

    var shift = Registration.estimate(new Plane(a, 400, 300), new Plane(b, 400, 300));

    assertThat(shift.aligned()).isFalse();
    assertThat(shift.dx()).isZero();
    assertThat(shift.dy()).isZero();
    assertThat(shift.confidence()).isLessThan(Registration.MIN_CONFIDENCE);
  }

  @Test
  @DisplayName("Two different real fields are not confident and stay unaligned")
  void differentFieldsStayUnaligned() {
    var sdss = Planes.stretched("lco-like/sdss-86S-rp-lco-like.fits.fz");
    var twoMass = Planes.stretched("color/gc_2mass_k.fits").centreCrop(sdss.width(), sdss.height());

    assertThat(Registration.estimate(twoMass, sdss).aligned()).isFalse();
  }

  @Test
  @DisplayName("A blank channel (nothing to correlate) stays unaligned instead of failing")
  void blankChannel() {
    var red = Planes.stretched("color/gc_2mass_k.fits");
    var blank = new Plane(new byte[red.width() * red.height()], red.width(), red.height());

    assertThat(Registration.estimate(red, blank).aligned()).isFalse();
  }

  @Test
  @DisplayName("Planes of different sizes are refused: they must be centre-cropped first")
  void sizesMustMatch() {
    assertThatThrownBy(() -> Registration.estimate(new Plane(new byte[4], 2, 2), new Plane(new byte[6], 3, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
