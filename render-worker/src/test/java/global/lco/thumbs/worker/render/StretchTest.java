package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StretchTest {

  @Test
  @DisplayName("Stretching and box-reducing in one pass gives the frame and the reduce of two passes, byte for byte")
  void fusedReduceMatchesTwoPasses() {
    var random = new SplittableRandom(13);
    int[][] shapes = {{1523, 1020, 4, 4}, {641, 479, 3, 2}, {250, 180, 2, 1}, {97, 301, 1, 5}, {4160, 64, 4, 4}};
    for (int[] shape : shapes) {
      int w = shape[0];
      int h = shape[1];
      float[] px = new float[w * h];
      for (int i = 0; i < px.length; i++) {
        px[i] = (float) (1000 + 40 * random.nextDouble() + (random.nextInt(500) == 0 ? 50_000 : 0));
      }
      px[random.nextInt(px.length)] = Float.NaN;
      Window window = Stretch.window(px, w, h);
      byte[] frame = Stretch.toBytes(px, w, h, window, true);
      byte[] reduced = BoxReduce.reduce(frame, w, h, 1, shape[2], shape[3]);
      byte[][] fused = Stretch.toBytesReduced(px, w, h, window, shape[2], shape[3]);
      assertThat(fused[0]).as("frame %dx%d", w, h).isEqualTo(frame);
      assertThat(fused[1]).as("reduced %dx%d by %dx%d", w, h, shape[2], shape[3]).isEqualTo(reduced);
    }
  }

  @Test
  @DisplayName("The spec frame is sampled every 6th pixel starting at index 6, giving 1999 samples")
  void specSampling() {
    double[] samples = Stretch.samples(SpecVector.frame(), SpecVector.W, SpecVector.H);
    assertThat(samples).hasSize(1999);
    assertThat(Stretch.median(samples)).isEqualTo(1100.0);
  }

  @Test
  @DisplayName("The spec frame's window is the sample median and the contrast-scaled fit at n/2")
  void specWindow() {
    Window win = Stretch.window(SpecVector.frame(), SpecVector.W, SpecVector.H);
    assertThat(win.zmin()).isEqualTo(1100.0);
    assertThat(win.zmax()).isCloseTo(2403.399342, within(1e-6));
  }

  @Test
  @DisplayName("The spec frame's first row stretches to the expected gamma-corrected bytes")
  void specRowZero() {
    byte[] img = stretchedSpec();
    assertThat(SpecVector.row0(img, 10)).containsExactly(0, 0, 84, 0, 77, 0, 67, 0, 53, 0);
  }

  @Test
  @DisplayName("The spec frame's hot pixels saturate to 255")
  void specHotPixels() {
    byte[] img = stretchedSpec();
    assertThat(SpecVector.at(img, 10, 10)).isEqualTo(255);
    assertThat(SpecVector.at(img, 50, 60)).isEqualTo(255);
    assertThat(SpecVector.at(img, 90, 5)).isEqualTo(255);
  }

  @Test
  @DisplayName("The stretched spec frame has exactly 5816 non-zero pixels")
  void specNonZeroCount() {
    byte[] img = stretchedSpec();
    long nonZero = 0;
    for (byte b : img) {
      if (b != 0) {
        nonZero++;
      }
    }
    assertThat(nonZero).isEqualTo(5816);
  }

  @Test
  @DisplayName("Flipping during the stretch writes FITS row 0 as the last picture row")
  void flipFused() {
    float[] px = SpecVector.frame();
    Window win = Stretch.window(px, SpecVector.W, SpecVector.H);
    byte[] plain = Stretch.toBytes(px, SpecVector.W, SpecVector.H, win);
    byte[] flipped = Stretch.toBytes(px, SpecVector.W, SpecVector.H, win, true);
    Orientation.flipVertical(plain, SpecVector.W, SpecVector.H, 1);
    assertThat(flipped).isEqualTo(plain);
  }

  @Test
  @DisplayName("The gamma table matches fits2image at its reference points")
  void gammaTable() {
    assertThat(Gamma.at(0)).isZero();
    assertThat(Gamma.at(1)).isEqualTo(27);
    assertThat(Gamma.at(10)).isEqualTo(69);
    assertThat(Gamma.at(50)).isEqualTo(133);
    assertThat(Gamma.at(128)).isEqualTo(194);
    assertThat(Gamma.at(255)).isEqualTo(255);
  }

  @Test
  @DisplayName("The fast half-even rounding equals Math.rint on random values, ties and integers")
  void roundingMatchesRint() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 1_000_000; i++) {
      double t = random.nextDouble(0, 256);
      assertThat(Stretch.roundHalfEven(t)).isEqualTo(Math.rint(t));
    }
    for (int k = 0; k < 512; k++) {
      double t = k / 2.0;
      assertThat(Stretch.roundHalfEven(t)).isEqualTo(Math.rint(t));
      assertThat(Stretch.roundHalfEven(Math.nextUp(t))).isEqualTo(Math.rint(Math.nextUp(t)));
      assertThat(Stretch.roundHalfEven(Math.nextDown(t + 1))).isEqualTo(Math.rint(Math.nextDown(t + 1)));
    }
  }

  @Test
  @DisplayName("NaN pixels become black")
  void nanIsBlack() {
    float[] px = {Float.NaN, 5f, 10f, Float.NaN};
    byte[] img = Stretch.toBytes(px, 2, 2, new Window(0, 10));
    assertThat(img[0]).isZero();
    assertThat(img[3]).isZero();
    assertThat(img[2] & 0xFF).isEqualTo(255);
  }

  @Test
  @DisplayName("A constant frame gets a widened window of ±1 around its value")
  void constantFrame() {
    float[] px = new float[50 * 50];
    Arrays.fill(px, 7f);
    Window win = Stretch.window(px, 50, 50);
    assertThat(win).isEqualTo(new Window(6, 8));
    assertThat(Stretch.toBytes(px, 50, 50, win)).hasSize(2500);
  }

  @Test
  @DisplayName("An all-NaN frame gets a default window and stretches to black")
  void allNanFrame() {
    float[] px = new float[3000];
    Arrays.fill(px, Float.NaN);
    Window win = Stretch.window(px, 60, 50);
    byte[] img = Stretch.toBytes(px, 60, 50, win);
    assertThat(img).containsOnly((byte) 0);
  }

  @Test
  @DisplayName("A frame large enough to run in parallel bands stretches exactly like a per-pixel reference")
  void parallelMatchesReference() {
    int w = 1000;
    int h = 700;
    SplittableRandom random = new SplittableRandom(7);
    float[] px = new float[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) random.nextDouble(-50, 400);
    }
    px[12345] = Float.NaN;
    Window win = new Window(10, 300);
    byte[] img = Stretch.toBytes(px, w, h, win);
    double scale = 255.0 / (win.zmax() - win.zmin());
    for (int i = 0; i < px.length; i++) {
      double x = Float.isNaN(px[i]) ? Double.NaN : Math.max(win.zmin(), Math.min(win.zmax(), px[i]));
      int v = Double.isNaN(x) ? 0 : (int) Math.rint(x * scale - scale * win.zmin());
      assertThat(img[i] & 0xFF).as("pixel %d", i).isEqualTo(Gamma.at(v));
    }
  }

  private static byte[] stretchedSpec() {
    float[] px = SpecVector.frame();
    return Stretch.toBytes(px, SpecVector.W, SpecVector.H, Stretch.window(px, SpecVector.W, SpecVector.H));
  }
}
