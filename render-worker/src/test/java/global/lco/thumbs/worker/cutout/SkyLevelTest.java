package global.lco.thumbs.worker.cutout;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SkyLevelTest {

  @Test
  @DisplayName("Gaussian sky with bright outliers: the clipped level and noise are the sky's, not the outliers'")
  void clipsOutliers() {
    var random = new SplittableRandom(7);
    float[] px = new float[200_000];
    for (int i = 0; i < px.length; i++) {
      // 5 % of the pixels are stars 50σ and more above a sky of 1000 ± 10.
      px[i] = i % 20 == 0 ? 1500 + random.nextInt(5000) : (float) (1000 + 10 * random.nextGaussian());
    }
    px[3] = Float.NaN;
    var level = SkyLevel.measure(px, 42);
    assertThat(level.sky()).isCloseTo(1000, org.assertj.core.data.Offset.offset(1.0));
    assertThat(level.sigma()).isBetween(9.0, 11.0);
  }

  @Test
  @DisplayName("On a real frame the sky is near the frame's median and the draw depends only on the seed")
  void realFrame() throws Exception {
    var image = new FitsDecoder(FitsLimits.of(100_000_000L)).decode(Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"));
    float[] sorted = image.pixels().clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    var level = SkyLevel.measure(image.pixels(), SkyLevel.seedOf("v1/abc"));
    assertThat(level.sigma()).isPositive();
    assertThat(Math.abs(level.sky() - median)).isLessThan(level.sigma());
    assertThat(SkyLevel.measure(image.pixels(), SkyLevel.seedOf("v1/abc"))).isEqualTo(level);
    assertThat(SkyLevel.seedOf("v1/abc")).isNotEqualTo(SkyLevel.seedOf("v2/abc"));
  }

  @Test
  @DisplayName("A frame with no finite pixel has level 0 and no noise")
  void empty() {
    assertThat(SkyLevel.measure(new float[] {Float.NaN, Float.NaN}, 1)).isEqualTo(new SkyLevel(0, 0));
  }
}
