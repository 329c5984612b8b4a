package global.lco.thumbs.worker.cutout;

/** Enlargement by repeating pixels, as Pillow's {@code resize(size, NEAREST)} picks them: the source pixel under each output pixel's middle. */
final class NearestZoom {

  private NearestZoom() {
  }

  static byte[] enlarge(byte[] src, int w, int h, int dstW, int dstH) {
    if (dstW == w && dstH == h) {
      return src;
    }
    int[] columns = new int[dstW];
    for (int x = 0; x < dstW; x++) {
      columns[x] = (int) Math.min(w - 1, (long) Math.floor((x + 0.5) * w / dstW));
    }
    byte[] out = new byte[dstW * dstH];
    for (int y = 0; y < dstH; y++) {
      int row = (int) Math.min(h - 1, (long) Math.floor((y + 0.5) * h / dstH)) * w;
      for (int x = 0; x < dstW; x++) {
        out[y * dstW + x] = src[row + columns[x]];
      }
    }
    return out;
  }
}
