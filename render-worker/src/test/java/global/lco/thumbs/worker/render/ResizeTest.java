package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResizeTest {

  @Test
  @DisplayName("A landscape frame fits a square box by width, rounding the height to the closer aspect")
  void fitLandscape() {
    assertThat(Resize.fitInside(1523, 1020, 200, 200)).isEqualTo(new Size(200, 134));
  }

  @Test
  @DisplayName("A frame that already fits the box is never enlarged")
  void fitNeverEnlarges() {
    assertThat(Resize.fitInside(100, 100, 500, 500)).isEqualTo(new Size(100, 100));
  }

  @Test
  @DisplayName("A square frame in a wide box is limited by the box height")
  void fitByHeight() {
    assertThat(Resize.fitInside(4096, 4096, 500, 300)).isEqualTo(new Size(300, 300));
  }

  @Test
  @DisplayName("A very thin frame keeps at least one pixel of width")
  void fitKeepsOnePixel() {
    assertThat(Resize.fitInside(1, 5000, 200, 200)).isEqualTo(new Size(1, 200));
  }

  @Test
  @DisplayName("Resizing gives exactly the requested dimensions")
  void exactDimensions() {
    byte[] src = new byte[1523 * 1020];
    byte[] out = Resize.thumbnail(src, 1523, 1020, 1, 200, 134);
    assertThat(out).hasSize(200 * 134);
  }

  @Test
  @DisplayName("A constant image stays constant after reduce and Lanczos resample")
  void constantStaysConstant() {
    byte[] src = new byte[1001 * 777];
    Arrays.fill(src, (byte) 173);
    byte[] out = Resize.thumbnail(src, 1001, 777, 1, 200, 155);
    assertThat(out).containsOnly((byte) 173);
  }

  @Test
  @DisplayName("The three channels of an RGB image are resampled independently")
  void channelsIndependent() {
    int w = 640;
    int h = 480;
    byte[] src = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      src[i * 3] = (byte) 10;
      src[i * 3 + 1] = (byte) 128;
      src[i * 3 + 2] = (byte) 250;
    }
    byte[] out = Resize.thumbnail(src, w, h, 3, 100, 75);
    assertThat(out).hasSize(100 * 75 * 3);
    for (int i = 0; i < 100 * 75; i++) {
      assertThat(out[i * 3] & 0xFF).isEqualTo(10);
      assertThat(out[i * 3 + 1] & 0xFF).isEqualTo(128);
      assertThat(out[i * 3 + 2] & 0xFF).isEqualTo(250);
    }
  }

  @Test
  @DisplayName("A one-pixel checkerboard shrinks to mid-grey")
  void checkerboardAverages() {
    int n = 512;
    byte[] src = new byte[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        src[y * n + x] = ((x + y) & 1) == 0 ? 0 : (byte) 255;
      }
    }
    byte[] out = Resize.thumbnail(src, n, n, 1, 100, 100);
    for (byte b : out) {
      assertThat(b & 0xFF).isBetween(125, 130);
    }
  }

  @Test
  @DisplayName("A Lanczos-only shrink (no box reduce) of a constant image stays constant at the edges")
  void lanczosOnlyEdges() {
    byte[] src = new byte[300 * 10];
    Arrays.fill(src, (byte) 255);
    byte[] out = Resize.thumbnail(src, 300, 10, 1, 200, 7);
    assertThat(out).containsOnly((byte) 255);
  }

  @Test
  @DisplayName("Box reduce rounds the mean and averages partial edge boxes over existing pixels only")
  void boxReduceEdges() {
    // 3 × 1 image reduced by 2: the full box (10, 21) rounds 15.5 up to 16; the edge box is just 7.
    byte[] out = BoxReduce.reduce(new byte[] {10, 21, 7}, 3, 1, 1, 2, 1);
    assertThat(out).containsExactly(16, 7);
  }
}
