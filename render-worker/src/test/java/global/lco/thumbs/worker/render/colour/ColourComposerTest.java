package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ColourComposerTest {

  /** A plane whose pixel value encodes its position, so a sample says where it came from. */
  private static Plane ramp(int w, int h) {
    byte[] px = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = (byte) (10 * y + x);
      }
    }
    return new Plane(px, w, h);
  }

  @Test
  @DisplayName("Unshifted channels stack pixel for pixel into interleaved RGB")
  void stacksUnshifted() {
    var r = new Plane(new byte[] {1, 2, 3, 4}, 2, 2);
    var g = new Plane(new byte[] {5, 6, 7, 8}, 2, 2);
    var b = new Plane(new byte[] {9, 10, 11, 12}, 2, 2);

    var composite = ColourComposer.compose(r, g, b, Shift.none(0), Shift.none(0));

    assertThat(composite.width()).isEqualTo(2);
    assertThat(composite.height()).isEqualTo(2);
    assertThat(composite.rgb()).containsExactly(1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12);
  }

  @Test
  @DisplayName("Integer shifts crop to the area all channels share and take each channel from its offset")
  void integerShiftsCrop() {
    var plane = ramp(8, 6);
    var composite = ColourComposer.compose(plane, plane, plane, new Shift(2, 1, 99, true), new Shift(-1, 0, 99, true));

    // x must keep x+2 and x−1 inside 0..7 → x in 1..5; y must keep y+1 inside 0..5 → y in 0..4.
    assertThat(composite.width()).isEqualTo(5);
    assertThat(composite.height()).isEqualTo(5);
    byte[] first = {composite.rgb()[0], composite.rgb()[1], composite.rgb()[2]};
    assertThat(first).containsExactly(1, 10 + 3, 0);
  }

  @Test
  @DisplayName("A sub-pixel shift keeps every row and column: the edge is clamped, not cropped")
  void subPixelKeepsSize() {
    var plane = ramp(8, 6);

    var composite = ColourComposer.compose(plane, plane, plane, new Shift(0.6, -0.4, 99, true), Shift.none(0));

    assertThat(composite.width()).isEqualTo(8);
    assertThat(composite.height()).isEqualTo(6);
    // Green's last column would sample x = 7.6: clamped to the last column, row 0 (y = −0.4 clamped to 0).
    assertThat(composite.rgb()[(7) * 3 + 1]).isEqualTo((byte) 7);
  }

  @Test
  @DisplayName("Only the whole pixels of a shift crop: 1.5 px costs one column, and the half is interpolated")
  void wholePixelsCrop() {
    var plane = ramp(8, 6);

    var composite = ColourComposer.compose(plane, plane, plane, new Shift(1.5, 0, 99, true), Shift.none(0));

    assertThat(composite.width()).isEqualTo(7);
    assertThat(composite.height()).isEqualTo(6);
    // Output x = 0 is red's x = 0; green samples x = 1.5, halfway between values 1 and 2 (rounded half up).
    assertThat(composite.rgb()[1]).isEqualTo((byte) 2);
  }

  @Test
  @DisplayName("Zero shifts stack the channels byte for byte")
  void zeroShiftIsUntouched() {
    var red = ramp(9, 7);
    var green = new Plane(red.pixels().clone(), 9, 7);
    for (int i = 0; i < green.pixels().length; i++) {
      green.pixels()[i] += 3;
    }

    var composite = ColourComposer.compose(red, green, red, new Shift(0, 0, 99, true), Shift.fromWcs(0, 0));

    for (int i = 0; i < 9 * 7; i++) {
      assertThat(composite.rgb()[3 * i + 1]).isEqualTo(green.pixels()[i]);
      assertThat(composite.rgb()[3 * i + 2]).isEqualTo(red.pixels()[i]);
    }
  }

  @Test
  @DisplayName("A half-pixel shift samples halfway between two pixels")
  void subPixelSample() {
    var plane = new Plane(new byte[] {0, 100, 0, 100}, 2, 2);

    assertThat(ColourComposer.sample(plane, 0.5, 0) & 0xFF).isEqualTo(50);
    assertThat(ColourComposer.sample(plane, 1, 1) & 0xFF).isEqualTo(100);
  }

  @Test
  @DisplayName("Centre-cropping keeps the middle of a larger plane")
  void centreCrop() {
    var cropped = ramp(8, 6).centreCrop(4, 2);

    assertThat(cropped.width()).isEqualTo(4);
    assertThat(cropped.pixels()[0]).isEqualTo((byte) (10 * 2 + 2));
  }
}
