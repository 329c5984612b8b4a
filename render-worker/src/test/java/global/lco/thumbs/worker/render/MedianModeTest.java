package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MedianModeTest {

  @Test
  @DisplayName("Median mode at the 99.5th percentile rescales the spec frame's first row as fits2image does")
  void specRowZero() {
    float[] px = SpecVector.frame();
    byte[] img = Stretch.toBytes(px, SpecVector.W, SpecVector.H, Stretch.window(px, SpecVector.W, SpecVector.H));
    MedianMode.apply(img, 99.5);
    assertThat(SpecVector.row0(img, 10)).containsExactly(0, 0, 238, 0, 218, 0, 189, 0, 150, 0);
  }

  @Test
  @DisplayName("Median mode with the box reduce in its pass gives the image and the reduce of two passes, byte for byte")
  void fusedReduceMatchesTwoPasses() {
    var random = new SplittableRandom(17);
    int[][] shapes = {{1523, 1020, 4, 4}, {641, 479, 3, 2}, {250, 180, 2, 1}, {97, 301, 1, 5}, {4160, 64, 4, 4}};
    for (int[] shape : shapes) {
      int w = shape[0];
      int h = shape[1];
      byte[] img = new byte[w * h];
      for (int i = 0; i < img.length; i++) {
        img[i] = (byte) (40 + random.nextInt(30) + (random.nextInt(300) == 0 ? 180 : 0));
      }
      byte[] original = img.clone();
      byte[] twoPasses = img.clone();
      MedianMode.apply(twoPasses, 99.5);
      byte[] reduced = BoxReduce.reduce(twoPasses, w, h, 1, shape[2], shape[3]);
      byte[] fused = MedianMode.applyReduced(img, w, h, 99.5, ByteHistogram.of(img), shape[2], shape[3]);
      assertThat(twoPasses).as("the mode changes the image %dx%d", w, h).isNotEqualTo(original);
      assertThat(img).as("image %dx%d", w, h).isEqualTo(twoPasses);
      assertThat(fused).as("reduced %dx%d by %dx%d", w, h, shape[2], shape[3]).isEqualTo(reduced);
    }
  }

  @Test
  @DisplayName("Where median mode changes nothing, its fused pass still returns the image's box reduce")
  void fusedReduceOfUnchangedImage() {
    byte[] img = new byte[64 * 48];
    img[3] = 90;
    img[500] = (byte) 200;
    byte[] before = img.clone();
    byte[] fused = MedianMode.applyReduced(img, 64, 48, 50, ByteHistogram.of(img), 4, 4);
    assertThat(img).isEqualTo(before);
    assertThat(fused).isEqualTo(BoxReduce.reduce(before, 64, 48, 1, 4, 4));
  }

  @Test
  @DisplayName("An image whose percentile after median subtraction is 0 is left unchanged")
  void zeroPercentileLeavesImage() {
    byte[] img = new byte[1000];
    img[3] = 90;
    img[500] = (byte) 200;
    byte[] before = img.clone();
    MedianMode.apply(img, 50);
    assertThat(img).isEqualTo(before);
  }

  @Test
  @DisplayName("The histogram median equals a sort-based median on random data of odd and even length")
  void histogramMedianMatchesSort() {
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {1, 2, 999, 1000, 300_001, 300_000}) {
      byte[] img = new byte[n];
      for (int i = 0; i < n; i++) {
        img[i] = (byte) random.nextInt(256);
      }
      int[] sorted = new int[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = img[i] & 0xFF;
      }
      Arrays.sort(sorted);
      double expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
      assertThat(ByteHistogram.of(img).median()).as("n=%d", n).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("The subtracted percentile follows numpy's linear interpolation between order statistics")
  void percentileInterpolates() {
    // Sorted values 0,0,10,20 with median 5: subtracted 0,0,5,15; the 90th percentile sits at index 2.7.
    byte[] img = {10, 0, 20, 0};
    ByteHistogram hist = ByteHistogram.of(img);
    assertThat(MedianMode.subtractedPercentile(hist, hist.median(), 90)).isCloseTo(12.0, within(1e-9));
  }

  @Test
  @DisplayName("The histogram counted while stretching is the histogram of the stretched image, so median mode gives the same bytes")
  void fusedHistogramMatches() {
    int w = 1200;
    int h = 700;
    var random = new java.util.Random(7);
    float[] px = new float[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) (1000 + 80 * random.nextGaussian() + (i % 97 == 0 ? 20000 : 0));
    }
    var window = Stretch.window(px, w, h);
    long[] counted = new long[256];
    byte[] fused = Stretch.toBytes(px, w, h, window, true, counted);
    byte[] plain = Stretch.toBytes(px, w, h, window, true);
    assertThat(fused).isEqualTo(plain);
    var separate = ByteHistogram.of(plain);
    var together = ByteHistogram.ofBins(counted);
    assertThat(together.total()).isEqualTo(separate.total());
    assertThat(together.median()).isEqualTo(separate.median());
    MedianMode.apply(fused, 99.5, together);
    MedianMode.apply(plain, 99.5);
    assertThat(fused).isEqualTo(plain);
  }
}
