package global.lco.thumbs.worker.render;

import java.util.Arrays;

/**
 * Pillow's {@code Image.reduce((fx, fy))}: each output pixel is the rounded mean of an fx × fy box;
 * boxes on the right and bottom edges average only the pixels that exist.
 */
final class BoxReduce {

  private BoxReduce() {
  }

  static int reducedSize(int size, int factor) {
    return (size + factor - 1) / factor;
  }

  static byte[] reduce(byte[] src, int w, int h, int channels, int fx, int fy) {
    int ow = reducedSize(w, fx);
    int oh = reducedSize(h, fy);
    byte[] out = new byte[ow * oh * channels];
    RowBands.run(oh, (long) w * fy * channels, (band, from, to) -> {
      int[] sums = new int[ow * channels];
      for (int oy = from; oy < to; oy++) {
        Arrays.fill(sums, 0);
        int y0 = oy * fy;
        int y1 = Math.min(y0 + fy, h);
        for (int y = y0; y < y1; y++) {
          int row = y * w * channels;
          if (channels == 1) {
            addGreyRow(src, row, w, fx, ow, sums);
            continue;
          }
          for (int ox = 0; ox < ow; ox++) {
            int o = ox * channels;
            int i0 = row + ox * fx * channels;
            int i1 = row + Math.min((ox + 1) * fx, w) * channels;
            for (int i = i0; i < i1; i += channels) {
              for (int c = 0; c < channels; c++) {
                sums[o + c] += src[i + c] & 0xFF;
              }
            }
          }
        }
        int bh = y1 - y0;
        int fullDiv = fx * bh;
        long fullMul = multiplier(fullDiv);
        int edgeW = w - (ow - 1) * fx;
        int edgeDiv = edgeW * bh;
        long edgeMul = multiplier(edgeDiv);
        int dst = oy * ow * channels;
        for (int ox = 0; ox < ow; ox++) {
          boolean edge = ox == ow - 1;
          int div = edge ? edgeDiv : fullDiv;
          long mul = edge ? edgeMul : fullMul;
          for (int c = 0; c < channels; c++) {
            int k = ox * channels + c;
            out[dst + k] = (byte) divide(sums[k], div, mul);
          }
        }
      }
    });
    return out;
  }

  /** One grey source row added into the box sums: the hot loop of a mono thumbnail, kept branch-free. */
  private static void addGreyRow(byte[] src, int row, int w, int fx, int ow, int[] sums) {
    int full = w / fx;
    int i = row;
    for (int ox = 0; ox < full; ox++) {
      int sum = 0;
      for (int end = i + fx; i < end; i++) {
        sum += src[i] & 0xFF;
      }
      sums[ox] += sum;
    }
    if (full < ow) {
      int sum = 0;
      for (int end = row + w; i < end; i++) {
        sum += src[i] & 0xFF;
      }
      sums[full] += sum;
    }
  }

  /**
   * Pillow's division_UINT32: a 2^24-scaled reciprocal computed in single precision. Reproducing
   * the float rounding (not an exact divide) is what makes averages agree with Pillow byte for byte.
   */
  static long multiplier(int divider) {
    float maxInt = (float) (1L << 32);
    return (long) (maxInt / (float) (256L * divider));
  }

  /** Pillow's rounded box mean: {@code ((sum + divider/2) · multiplier) >> 24} in unsigned 32-bit arithmetic. */
  static int divide(int sum, int divider, long multiplier) {
    long v = ((sum + divider / 2L) * multiplier) & 0xFFFF_FFFFL;
    return (int) (v >>> 24);
  }
}
