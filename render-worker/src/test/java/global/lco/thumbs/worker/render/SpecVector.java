package global.lco.thumbs.worker.render;

/** The SPEC test frame: 120 × 100 ramp pattern with three hot pixels. */
final class SpecVector {

  static final int W = 120;
  static final int H = 100;

  private SpecVector() {
  }

  static float[] frame() {
    float[] px = new float[W * H];
    for (int i = 0; i < H; i++) {
      for (int j = 0; j < W; j++) {
        px[i * W + j] = 1000 + ((37 * i + 91 * j) % 200);
      }
    }
    px[10 * W + 10] = 60000;
    px[50 * W + 60] = 30000;
    px[90 * W + 5] = 15000;
    return px;
  }

  static int at(byte[] img, int row, int col) {
    return img[row * W + col] & 0xFF;
  }

  static int[] row0(byte[] img, int n) {
    int[] out = new int[n];
    for (int j = 0; j < n; j++) {
      out[j] = at(img, 0, j);
    }
    return out;
  }
}
