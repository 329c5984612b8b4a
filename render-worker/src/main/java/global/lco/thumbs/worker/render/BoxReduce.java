package global.lco.thumbs.worker.render;

import global.lco.thumbs.worker.pixels.RowBands;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Pillow's {@code Image.reduce((fx, fy))}: each output pixel is the rounded mean of an fx × fy box;
 * boxes on the right and bottom edges average only the pixels that exist.
 */
public final class BoxReduce {

  private BoxReduce() {
  }

  public static int reducedSize(int size, int factor) {
    return (size + factor - 1) / factor;
  }

  public static byte[] reduce(byte[] src, int w, int h, int channels, int fx, int fy) {
    int rowLength = w * channels;
    // Columns first, a plain widening add the JIT vectorises, then each box's columns: the same
    // integer sums as box by box, with the per-box work done once per fy rows.
    return reduceRows(w, h, channels, fx, fy, () -> (y, columns) -> {
      int row = y * rowLength;
      for (int i = 0; i < rowLength; i++) {
        columns[i] += src[row + i] & 0xFF;
      }
    });
  }

  /** Adds the 8-bit values of picture row {@code y} ({@code w · channels} of them) to {@code columns}. */
  @FunctionalInterface
  interface RowSums {
    void add(int y, int[] columns);
  }

  /**
   * {@link #reduce} of a {@code w × h} image whose rows {@code rows} makes as they are summed: a
   * stage that produces the 8-bit rows (a stretch, a table) does the reduce in its own pass, each
   * row added to its box row's column sums while it is still in cache. Bands of whole box rows run
   * on the pixel pool; {@code rows} is asked once per band, so what it returns may keep scratch.
   */
  static byte[] reduceRows(int w, int h, int channels, int fx, int fy, Supplier<RowSums> rows) {
    int ow = reducedSize(w, fx);
    int oh = reducedSize(h, fy);
    byte[] out = new byte[ow * oh * channels];
    RowBands.run(oh, (long) w * fy * channels, (band, from, to) -> {
      RowSums bandRows = rows.get();
      int[] columns = new int[w * channels];
      int[] sums = new int[ow * channels];
      for (int oy = from; oy < to; oy++) {
        int y0 = oy * fy;
        int y1 = Math.min(y0 + fy, h);
        Arrays.fill(columns, 0);
        for (int y = y0; y < y1; y++) {
          bandRows.add(y, columns);
        }
        emitRow(columns, w, channels, fx, y1 - y0, sums, out, oy * ow * channels);
      }
    });
    return out;
  }

  /**
   * One output row from the column sums of its {@code bh} input rows: each box's sum (the last box
   * may be narrower) divided as Pillow divides, written at {@code out[dst…]}. {@code sums} is scratch
   * of {@code reducedSize(w, fx) · channels} ints.
   */
  private static void emitRow(int[] columns, int w, int channels, int fx, int bh, int[] sums, byte[] out, int dst) {
    int ow = reducedSize(w, fx);
    boxSums(columns, w, channels, fx, ow, sums);
    int fullDiv = fx * bh;
    long fullMul = multiplier(fullDiv);
    int edgeW = w - (ow - 1) * fx;
    int edgeDiv = edgeW * bh;
    long edgeMul = multiplier(edgeDiv);
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

  /** Adds each box's {@code fx} column sums (per channel); the last box may be narrower. */
  private static void boxSums(int[] columns, int w, int channels, int fx, int ow, int[] sums) {
    for (int ox = 0; ox < ow; ox++) {
      int x1 = Math.min((ox + 1) * fx, w);
      for (int c = 0; c < channels; c++) {
        int sum = 0;
        for (int x = ox * fx; x < x1; x++) {
          sum += columns[x * channels + c];
        }
        sums[ox * channels + c] = sum;
      }
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
