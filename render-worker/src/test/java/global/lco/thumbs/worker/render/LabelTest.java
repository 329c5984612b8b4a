package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
    assertThat(Label.advance(text, size)).isLessThanOrEqualTo(W - 4);
    assertThat(Label.advance(text, size + 1)).isGreaterThan(W - 4);
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
