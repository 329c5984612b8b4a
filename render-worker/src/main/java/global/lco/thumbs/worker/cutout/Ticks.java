package global.lco.thumbs.worker.cutout;

/**
 * Two short white tick marks pointing at a pixel: one coming from the left, one from above, each
 * stopping a gap short of it so the target itself stays visible.
 */
final class Ticks {
  static final int WHITE = 0xFF;

  private Ticks() {
  }

  static void draw(byte[] img, int w, int h, int cx, int cy) {
    int side = Math.min(w, h);
    int gap = Math.max(2, side / 20);
    int length = Math.max(3, side / 8);
    int thickness = side >= 400 ? 2 : 1;
    for (int t = 0; t < thickness; t++) {
      for (int i = cx - gap - length; i < cx - gap; i++) {
        set(img, w, h, i, cy + t);
      }
      for (int j = cy - gap - length; j < cy - gap; j++) {
        set(img, w, h, cx + t, j);
      }
    }
  }

  private static void set(byte[] img, int w, int h, int x, int y) {
    if (x >= 0 && x < w && y >= 0 && y < h) {
      img[y * w + x] = (byte) WHITE;
    }
  }
}
