package global.lco.thumbs.worker.fits;

import global.lco.thumbs.worker.pixels.RowBands;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/**
 * Turns nom-tam-fits' stored values (it does not apply BSCALE/BZERO/BLANK) into physical floats,
 * row-major, FITS row 0 first. Missing values become NaN.
 */
final class PhysicalValues {
  private PhysicalValues() {
  }

  /**
   * @param kernel   the data array as nom-tam returns it, {@code [..1][1][height][width]}
   * @param depth    how many leading length-1 axes wrap the 2-D plane
   * @param blank    BLANK value for integer data, or null
   */
  static float[] toFloats(Object kernel, int width, int height, int depth, double scale, double zero, Long blank)
      throws UnreadableFitsException {
    Object plane = kernel;
    for (int i = 0; i < depth; i++) {
      if (!(plane instanceof Object[] wrapper) || wrapper.length != 1) {
        throw new UnreadableFitsException("Image data does not match its header");
      }
      plane = wrapper[0];
    }
    if (!(plane instanceof Object[] rows) || rows.length != height) {
      throw new UnreadableFitsException("Image data does not match its header");
    }
    float[] out = new float[Math.multiplyExact(width, height)];
    for (int y = 0; y < height; y++) {
      Buffer row = wrap(rows[y]);
      if (row == null && rows[y] != null && rows[y].getClass().isArray()) {
        throw new UnreadableFitsException("Unsupported pixel type " + rows[y].getClass().getSimpleName());
      }
      if (row == null || row.limit() != width) {
        throw new UnreadableFitsException("Image data does not match its header");
      }
      converter(row, out, y * width, scale, zero, blank).rows(0, width);
    }
    replaceInfinities(out, 0, out.length);
    return out;
  }

  /** A row of nom-tam's kernel as a buffer, so rows and flat buffers share one set of conversions. */
  private static Buffer wrap(Object row) {
    return switch (row) {
      case float[] f -> FloatBuffer.wrap(f);
      case double[] d -> DoubleBuffer.wrap(d);
      case byte[] b -> ByteBuffer.wrap(b);
      case short[] sh -> ShortBuffer.wrap(sh);
      case int[] n -> IntBuffer.wrap(n);
      case long[] l -> LongBuffer.wrap(l);
      case null, default -> null;
    };
  }

  /**
   * Physical floats from the flat buffer nom-tam-fits decompresses tiles into, row-major. A float
   * buffer backed by an array of exactly the image size is adopted as it is (infinities replaced in
   * place): that skips both nom-tam's buffer-to-{@code float[][]} kernel copy and our own copy,
   * two full-frame passes and two frame-sized allocations. Work is split by rows on the shared
   * {@link RowBands} pool so a decode keeps within the render thread budget.
   *
   * @param blank BLANK value for integer data, or null
   */
  static float[] fromBuffer(Buffer data, int width, int height, double scale, double zero, Long blank)
      throws UnreadableFitsException {
    int n = Math.multiplyExact(width, height);
    if (data.position() != 0 || data.limit() != n) {
      throw new UnreadableFitsException("Image data does not match its header");
    }
    if (data instanceof FloatBuffer f && f.hasArray() && f.arrayOffset() == 0 && f.position() == 0
        && f.array().length == n) {
      float[] px = f.array();
      RowBands.run(height, width, (band, from, to) -> replaceInfinities(px, from * width, to * width));
      return px;
    }
    float[] out = new float[n];
    Converter convert = converter(data, out, 0, scale, zero, blank);
    // Absolute get(i) never moves the buffer's position, so bands can read it concurrently.
    RowBands.run(height, width, (band, from, to) -> {
      convert.rows(from * width, to * width);
      replaceInfinities(out, from * width, to * width);
    });
    return out;
  }

  /**
   * Writes the physical values of {@code data[from, to)} to {@code out[offset + from, offset + to)}:
   * BSCALE/BZERO applied to integers, BLANK to NaN, BITPIX 8 read unsigned.
   */
  private static Converter converter(Buffer data, float[] out, int offset, double scale, double zero, Long blank)
      throws UnreadableFitsException {
    boolean identity = scale == 1.0 && zero == 0.0;
    return switch (data) {
      case FloatBuffer f -> (from, to) -> f.get(from, out, offset + from, to - from);
      case DoubleBuffer d -> (from, to) -> {
        for (int i = from; i < to; i++) {
          out[offset + i] = (float) d.get(i);
        }
      };
      case ByteBuffer b -> {
        int missing = blank == null ? -1 : (int) (blank & 0xFF);
        yield (from, to) -> {
          for (int i = from; i < to; i++) {
            int v = b.get(i) & 0xFF; // FITS BITPIX 8 is unsigned
            out[offset + i] = v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          }
        };
      }
      case ShortBuffer sh -> {
        long missing = blank == null ? Long.MIN_VALUE : blank;
        yield (from, to) -> {
          for (int i = from; i < to; i++) {
            short v = sh.get(i);
            out[offset + i] = v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          }
        };
      }
      case IntBuffer ints -> {
        long missing = blank == null ? Long.MIN_VALUE : blank;
        yield (from, to) -> {
          for (int i = from; i < to; i++) {
            int v = ints.get(i);
            out[offset + i] = v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          }
        };
      }
      case LongBuffer l -> {
        boolean hasBlank = blank != null;
        long missing = hasBlank ? blank : 0;
        yield (from, to) -> {
          for (int i = from; i < to; i++) {
            long v = l.get(i);
            out[offset + i] = hasBlank && v == missing ? Float.NaN : (float) (v * scale + zero);
          }
        };
      }
      default -> throw new UnreadableFitsException("Unsupported pixel type " + data.getClass().getSimpleName());
    };
  }

  /** Converts flat indices {@code [from, to)}. */
  @FunctionalInterface
  private interface Converter {
    void rows(int from, int to);
  }

  private static void replaceInfinities(float[] px, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Float.isInfinite(px[i])) {
        px[i] = Float.NaN;
      }
    }
  }
}
