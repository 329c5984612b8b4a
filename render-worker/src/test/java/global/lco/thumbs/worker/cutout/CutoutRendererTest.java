package global.lco.thumbs.worker.cutout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.CutoutParams;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.orient.Turn;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Cutouts of the reference LCO frame (1523×1020) through {@link CutoutRenderer}. */
class CutoutRendererTest {
  private static final FitsImage TFN = decode("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");
  private static final long SEED = SkyLevel.seedOf("v1/abc");

  private static FitsImage decode(String file) {
    try {
      return new FitsDecoder(FitsLimits.of(100_000_000L)).decode(Corpus.bytes(file));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static CutoutRenderer.Cutout cut(CutoutParams c) {
    return cut(c, OrientationMode.LEGACY);
  }

  private static CutoutRenderer.Cutout cut(CutoutParams c, OrientationMode mode) {
    return CutoutRenderer.render(TFN.pixels(), TFN.width(), TFN.height(), TFN.orientation(), c, mode, SEED);
  }

  @Test
  @DisplayName("A box inside the frame is its size at zoom 1; one over a corner is trimmed to the frame")
  void trimmed() {
    var inside = cut(new CutoutParams(700, 500, 80, 60, 1, 10, false));
    assertThat(inside.width()).isEqualTo(80);
    assertThat(inside.height()).isEqualTo(60);
    var corner = cut(new CutoutParams(0, 1019, 100, 100, 1, 10, false));
    assertThat(corner.width()).isEqualTo(50);
    assertThat(corner.height()).isEqualTo(51);
  }

  @Test
  @DisplayName("A box that misses the frame is a 400 saying so")
  void missesTheFrame() {
    assertThatThrownBy(() -> cut(new CutoutParams(-51, 10, 100, 100, 1, 10, false)))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.status()).isEqualTo(400);
          assertThat(p.getMessage()).contains("misses the frame of 1523x1020");
        });
    assertThatThrownBy(() -> cut(new CutoutParams(10, 1070, 100, 100, 1, 10, false))).isInstanceOf(Problem.class);
  }

  @Test
  @DisplayName("Zoom 3 repeats each pixel 3×3 times; zoom 0.5 shrinks with Lanczos to half the size")
  void zoom() {
    var one = cut(new CutoutParams(700, 500, 40, 30, 1, 10, false));
    var three = cut(new CutoutParams(700, 500, 40, 30, 3, 10, false));
    assertThat(three.width()).isEqualTo(120);
    assertThat(three.height()).isEqualTo(90);
    for (int y = 0; y < 90; y++) {
      for (int x = 0; x < 120; x++) {
        assertThat(three.pixels()[y * 120 + x]).isEqualTo(one.pixels()[(y / 3) * 40 + x / 3]);
      }
    }
    var half = cut(new CutoutParams(700, 500, 40, 30, 0.5, 10, false));
    assertThat(half.width()).isEqualTo(20);
    assertThat(half.height()).isEqualTo(15);
  }

  @Test
  @DisplayName("The sky is dark and sigma sets the white point: a larger sigma never brightens a pixel")
  void stretch() {
    var c = new CutoutParams(700, 500, 200, 200, 1, 5, false);
    var tight = cut(c);
    var loose = cut(new CutoutParams(700, 500, 200, 200, 1, 50, false));
    int[] sorted = new int[tight.pixels().length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = tight.pixels()[i] & 0xFF;
      assertThat(loose.pixels()[i] & 0xFF).isLessThanOrEqualTo(sorted[i]);
    }
    Arrays.sort(sorted);
    // Half the sky is below its median (black); 5σ above it is white, so stars saturate.
    assertThat(sorted[sorted.length / 4]).isZero();
    assertThat(sorted[sorted.length / 2]).isLessThan(20);
    assertThat(sorted[sorted.length - 1]).isEqualTo(255);
  }

  @Test
  @DisplayName("Ticks are white marks left of and above the centre; the centre and the rest stay as they were")
  void ticks() {
    var plain = cut(new CutoutParams(700, 500, 101, 101, 1, 10, false));
    var ticked = cut(new CutoutParams(700, 500, 101, 101, 1, 10, true));
    int changedLeft = 0;
    int changedAbove = 0;
    for (int i = 0; i < plain.pixels().length; i++) {
      if (plain.pixels()[i] != ticked.pixels()[i]) {
        int x = i % 101;
        int y = i / 101;
        assertThat(ticked.pixels()[i] & 0xFF).isEqualTo(255);
        assertThat(x == 50 && y < 50 || y == 50 && x < 50).as("(%d, %d) is on a tick", x, y).isTrue();
        changedLeft += y == 50 ? 1 : 0;
        changedAbove += x == 50 ? 1 : 0;
      }
    }
    assertThat(ticked.pixels()[50 * 101 + 50]).isEqualTo(plain.pixels()[50 * 101 + 50]);
    assertThat(changedLeft).isPositive();
    assertThat(changedAbove).isPositive();
  }

  @Test
  @DisplayName("orient=wcs turns the cutout as the frame's thumbnail (tfn0m414: a quarter turn from FITS order)")
  void oriented() {
    var c = new CutoutParams(700, 500, 40, 30, 1, 10, false);
    var legacy = cut(c);
    var northUp = cut(c, OrientationMode.WCS);
    assertThat(northUp.width()).isEqualTo(30);
    var fromLegacy = new Turn(false, 1).afterLegacyFlip();
    assertThat(northUp.pixels()).isEqualTo(fromLegacy.apply(legacy.pixels(), 40, 30, 1));
  }

  @Test
  @DisplayName("The same seed gives the same bytes")
  void reproducible() {
    var c = new CutoutParams(300, 300, 64, 64, 1, 7, true);
    assertThat(cut(c).pixels()).isEqualTo(cut(c).pixels());
  }
}
