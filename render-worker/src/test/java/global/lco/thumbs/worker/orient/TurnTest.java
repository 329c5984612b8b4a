package global.lco.thumbs.worker.orient;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.worker.pixels.Plane;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TurnTest {
  private static final int W = 5;
  private static final int H = 3;

  /** A 5×3 picture whose every pixel is different: 0 1 2 3 4 / 5 6 … */
  private static byte[] picture() {
    byte[] p = new byte[W * H];
    for (int i = 0; i < p.length; i++) {
      p[i] = (byte) i;
    }
    return p;
  }

  /** Pillow's FLIP_LEFT_RIGHT. */
  private static byte[] mirror(byte[] p, int w, int h) {
    byte[] out = new byte[p.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = p[y * w + (w - 1 - x)];
      }
    }
    return out;
  }

  /** Pillow's ROTATE_90 (counter-clockwise): the output is h wide, w high. */
  private static byte[] rotate90(byte[] p, int w, int h) {
    byte[] out = new byte[p.length];
    for (int y = 0; y < w; y++) {
      for (int x = 0; x < h; x++) {
        out[y * h + x] = p[x * w + (w - 1 - y)];
      }
    }
    return out;
  }

  @Test
  @DisplayName("Each of the eight turns is a left-right mirror first, then counter-clockwise quarter turns")
  void matchesStepByStep() {
    for (Turn turn : NorthUpTest.allTurns()) {
      byte[] expected = picture();
      int w = W;
      int h = H;
      if (turn.mirror()) {
        expected = mirror(expected, w, h);
      }
      for (int k = 0; k < turn.quarterTurns(); k++) {
        expected = rotate90(expected, w, h);
        int swap = w;
        w = h;
        h = swap;
      }
      assertThat(turn.apply(picture(), W, H, 1)).as(turn.toString()).containsExactly(expected);
      assertThat(turn.width(W, H)).isEqualTo(w);
      assertThat(turn.height(W, H)).isEqualTo(h);
    }
  }

  @Test
  @DisplayName("The legacy flip is the vertical flip, and RGB pixels move as whole pixels")
  void legacyFlipAndColour() {
    byte[] flipped = Turn.LEGACY_FLIP.apply(picture(), W, H, 1);
    assertThat(flipped).startsWith(10, 11, 12, 13, 14).endsWith(0, 1, 2, 3, 4);
    byte[] rgb = {1, 2, 3, 4, 5, 6};
    assertThat(new Turn(true, 0).apply(rgb, 2, 1, 3)).containsExactly(4, 5, 6, 1, 2, 3);
  }

  @Test
  @DisplayName("Composing turns is doing one after the other; after the legacy flip, legacy is nothing")
  void composition() {
    for (Turn first : NorthUpTest.allTurns()) {
      for (Turn second : NorthUpTest.allTurns()) {
        byte[] stepwise = second.apply(first.apply(picture(), W, H, 1), first.width(W, H), first.height(W, H), 1);
        assertThat(second.after(first).apply(picture(), W, H, 1)).as(second + " after " + first)
            .containsExactly(stepwise);
      }
      byte[] flippedFirst = Turn.LEGACY_FLIP.apply(picture(), W, H, 1);
      assertThat(first.afterLegacyFlip().apply(flippedFirst, W, H, 1)).containsExactly(first.apply(picture(), W, H, 1));
    }
    var plane = new Plane(picture(), W, H);
    assertThat(Turn.LEGACY_FLIP.afterLegacyFlip().apply(plane)).isSameAs(plane);
  }
}
