package global.lco.thumbs.worker.render;

import global.lco.thumbs.worker.pixels.RowBands;

/** Row-order changes between FITS (row 0 = bottom of the sky picture) and image files (row 0 = top). */
public final class Orientation {

  private Orientation() {
  }

  /** Mirrors the rows of an interleaved image in place. */
  public static void flipVertical(byte[] img, int w, int h, int channels) {
    int stride = w * channels;
    int pairs = h / 2;
    RowBands.run(pairs, stride, (band, from, to) -> {
      byte[] tmp = new byte[stride];
      for (int r = from; r < to; r++) {
        int top = r * stride;
        int bottom = (h - 1 - r) * stride;
        System.arraycopy(img, top, tmp, 0, stride);
        System.arraycopy(img, bottom, img, top, stride);
        System.arraycopy(tmp, 0, img, bottom, stride);
      }
    });
  }
}
