package global.lco.thumbs.worker.render.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Fft2dTest {

  @Test
  @DisplayName("A forward then inverse transform gives the input back, times the number of samples")
  void roundTrip() {
    int nx = 16;
    int ny = 8;
    var random = new Random(7);
    double[] re = new double[nx * ny];
    double[] im = new double[nx * ny];
    for (int i = 0; i < re.length; i++) {
      re[i] = random.nextGaussian();
    }
    double[] original = re.clone();
    Fft2d.transform(re, im, nx, ny, false);
    Fft2d.transform(re, im, nx, ny, true);
    for (int i = 0; i < re.length; i++) {
      assertThat(re[i] / (nx * ny)).isCloseTo(original[i], within(1e-12));
      assertThat(im[i] / (nx * ny)).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  @DisplayName("A single cosine wave transforms to two spikes at its frequency")
  void cosineSpikes() {
    int n = 32;
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < n; i++) {
      re[i] = Math.cos(2 * Math.PI * 3 * i / n);
    }
    Fft2d.transform1d(re, im, false);
    for (int k = 0; k < n; k++) {
      double expected = k == 3 || k == n - 3 ? n / 2.0 : 0;
      assertThat(Math.hypot(re[k], im[k])).as("bin %d", k).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  @DisplayName("Power-of-two padding rounds up and keeps exact powers")
  void nextPowerOfTwo() {
    assertThat(Fft2d.nextPowerOfTwo(1)).isEqualTo(1);
    assertThat(Fft2d.nextPowerOfTwo(341)).isEqualTo(512);
    assertThat(Fft2d.nextPowerOfTwo(512)).isEqualTo(512);
  }
}
