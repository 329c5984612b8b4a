package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelTest {

  private static final int W = 200;
  private static final int H = 134;

  @Test
  @DisplayName("A label turns some pixels near the bottom-left white")
  void drawsWhiteBottomLeft() {
    byte[] img = new byte[W * H];
    Label.draw(img, W, H, 1, "coj1m011");
    boolean white = false;
    for (int y = H - 30; y < H; y++) {
      for (int x = 0; x < 60; x++) {
        white |= (img[y * W + x] & 0xFF) == 255;
      }
    }
    assertThat(white).isTrue();
  }

  @Test
  @DisplayName("Rows above the label's strip are left untouched")
  void rowsAboveUntouched() {
    byte[] img = new byte[W * H];
    Arrays.fill(img, (byte) 40);
    Label.draw(img, W, H, 1, "coj1m011-fa12");
    for (int i = 0; i < (H - 30) * W; i++) {
      assertThat(img[i]).isEqualTo((byte) 40);
    }
  }

  @Test
  @DisplayName("The last 4 rows stay free of text, as the text bottom sits 4 px above the edge")
  void bottomMarginKept() {
    byte[] img = new byte[W * H];
    Label.draw(img, W, H, 1, "ogg2m001 gjpq");
    for (int i = (H - 3) * W; i < H * W; i++) {
      assertThat(img[i]).isZero();
    }
  }

  @Test
  @DisplayName("A long label shrinks below 20 px until its advance fits in width − 4")
  void longLabelShrinks() {
    String text = "lsc1m009-fa15-20240101-0123-e91 a very long label";
    int size = Label.fittingSize(text, W);
    assertThat(size).isLessThan(Label.MAX_SIZE);
    assertThat(Label.width(text, size)).isLessThanOrEqualTo(W - 4);
    assertThat(Label.width(text, size + 1)).isGreaterThan(W - 4);
  }

  @ParameterizedTest(name = "''{0}'' at {1} px: {2}")
  @CsvSource({
      "tfn0m414-kb29-20160625-0060-e91, 10, 186",
      "tfn0m414-kb29-20160625-0060-e91, 11, 205",
      "tfn0m414-kb29-20160625-0060-e91, 20, 373",
      "WWWWWWWW, 10, 49",
      "M31, 12, 22",
  })
  @DisplayName("The width that decides the size is Pillow 9.4's getsize: unhinted advances, or the ink if it reaches further")
  void widthLikePillow(String text, int size, int pillowWidth) {
    assertThat(Label.width(text, size)).isEqualTo(pillowWidth);
  }

  @Test
  @DisplayName("Glyphs sit at the unhinted pen positions rounded to whole pixels, as Pillow draws them")
  void glyphPositions() {
    var layout = LabelLayout.of("00000000", 11);

    int[] x = new int[8];
    for (int i = 0; i < 8; i++) {
      x[i] = (int) layout.glyphs().getGlyphPosition(i).getX();
    }

    // Measured on Pillow 9.4: advances of 6.625 px give 0, 6.625, 13.25, 19.875, 26.5, ... rounded.
    assertThat(x).containsExactly(0, 7, 13, 20, 27, 33, 40, 46);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource({"tfn0m414-kb29", "gjpq", "'^`'"})
  @DisplayName("The lowest ink is 4 px above the bottom edge, whether or not the text descends below its baseline")
  void lowestInkFourPixelsUp(String text) {
    byte[] img = new byte[W * H];
    Label.draw(img, W, H, 1, text);

    int lowest = -1;
    for (int i = 0; i < img.length; i++) {
      if (img[i] != 0) {
        lowest = i / W;
      }
    }
    assertThat(lowest).isEqualTo(H - Label.OFFSET - 1);
  }

  @Test
  @DisplayName("When not even 1 px fits, there is no label (Pillow fails to load a smaller font)")
  void nothingFits() {
    byte[] img = new byte[5 * 40];

    Label.draw(img, 5, 40, 1, "M31");

    assertThat(Label.fittingSize("M31", 5)).isZero();
    assertThat(img).containsOnly(0);
  }

  @Test
  @DisplayName("A short label keeps the 20 px starting size")
  void shortLabelFullSize() {
    assertThat(Label.fittingSize("M31", W)).isEqualTo(Label.MAX_SIZE);
  }

  @Test
  @DisplayName("An empty label changes nothing")
  void emptyLabelNoop() {
    byte[] img = new byte[W * H];
    Arrays.fill(img, (byte) 17);
    byte[] before = img.clone();
    Label.draw(img, W, H, 1, "");
    assertThat(img).isEqualTo(before);
  }

  @Test
  @DisplayName("A label on an RGB image is white in all three channels")
  void rgbLabelWhite() {
    byte[] img = new byte[W * H * 3];
    Label.draw(img, W, H, 3, "M42");
    boolean white = false;
    for (int p = 0; p < W * H; p++) {
      int r = img[p * 3] & 0xFF;
      int g = img[p * 3 + 1] & 0xFF;
      int b = img[p * 3 + 2] & 0xFF;
      assertThat(r).isEqualTo(g).isEqualTo(b);
      white |= r == 255;
    }
    assertThat(white).isTrue();
  }
}
