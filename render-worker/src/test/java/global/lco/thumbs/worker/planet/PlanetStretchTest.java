package global.lco.thumbs.worker.planet;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlanetStretchTest {

  @Test
  @DisplayName("Gains follow the open change (saturn 5, jupiter 1.4, mars 5, uranus 0.5), whole names in any case, else 1")
  void gains() {
    assertThat(PlanetGain.forTarget("Saturn")).isEqualTo(5);
    assertThat(PlanetGain.forTarget(" JUPITER ")).isEqualTo(1.4);
    assertThat(PlanetGain.forTarget("mars")).isEqualTo(5);
    assertThat(PlanetGain.forTarget("Uranus")).isEqualTo(0.5);
    assertThat(PlanetGain.forTarget("M 101")).isEqualTo(1);
    assertThat(PlanetGain.forTarget("Jupiter Trojan")).isEqualTo(1);
    assertThat(PlanetGain.forTarget(null)).isEqualTo(1);
  }

  @Test
  @DisplayName("The crop is centred on the brightest 3×3 spot, kept inside the frame, flipped like every plane")
  void cropAroundTheSpot() {
    int w = 1000;
    int h = 700;
    float[] px = new float[w * h];
    px[650 * w + 900] = 10_000; // a hot pixel: a single pixel, but the brightest 3×3 sum
    for (int y = 99; y <= 101; y++) {
      for (int x = 299; x <= 301; x++) {
        px[y * w + x] = 5000; // the planet: 45 000 in its bin
      }
    }
    var plane = PlanetStretch.stretch(px, w, h, 1);
    assertThat(plane.width()).isEqualTo(600);
    assertThat(plane.height()).isEqualTo(600);
    // Crop columns 0..599 (the spot at 300 is centred), rows 0..599 (kept inside); flipped: FITS row 100 is row 499.
    assertThat(plane.pixels()[499 * 600 + 300] & 0xFF).isEqualTo(255);
    assertThat(plane.pixels()[498 * 600 + 299] & 0xFF).isEqualTo(255);
  }

  @Test
  @DisplayName("Below 200 counts is black; above, a square root of the spot's fraction times the gain, clipped")
  void squareRootWithGain() {
    float[] px = new float[30 * 30];
    java.util.Arrays.fill(px, 199);
    for (int y = 12; y < 15; y++) {
      for (int x = 12; x < 15; x++) {
        px[y * 30 + x] = 10_000;
      }
    }
    px[0] = 2500; // a quarter of the spot: sqrt 0.5
    var one = PlanetStretch.stretch(px, 30, 30, 1).pixels();
    var half = PlanetStretch.stretch(px, 30, 30, 0.5).pixels();
    var five = PlanetStretch.stretch(px, 30, 30, 5).pixels();
    int corner = 29 * 30; // FITS (0, 0) after the flip
    assertThat(one[corner] & 0xFF).isEqualTo(128);
    assertThat(half[corner] & 0xFF).isEqualTo(64);
    assertThat(five[corner] & 0xFF).isEqualTo(255);
    assertThat(one[corner + 1] & 0xFF).as("199 counts").isZero();
    assertThat(half[(29 - 13) * 30 + 13] & 0xFF).isEqualTo(128);
  }

  @Test
  @DisplayName("The real Jupiter frame (640×480): a 600×480 crop holding the disc's bright core")
  void jupiter() throws Exception {
    var image = new FitsDecoder(FitsLimits.of(100_000_000L)).decode(Corpus.bytes("edge/bitpix8-jupiter-640x480.fits"));
    var plane = PlanetStretch.stretch(image.pixels(), image.width(), image.height(), PlanetGain.forTarget("Jupiter"));
    assertThat(plane.width()).isEqualTo(600);
    assertThat(plane.height()).isEqualTo(480);
    long lit = 0;
    for (byte b : plane.pixels()) {
      lit += b != 0 ? 1 : 0;
    }
    // The 8-bit webcam frame peaks at 222 counts: only the disc's core clears the 200-count floor.
    assertThat(lit).isBetween(10L, 2000L);
  }
}
