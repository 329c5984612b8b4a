package global.lco.thumbs.worker.fits;

import java.lang.reflect.Array;

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
    boolean identity = scale == 1.0 && zero == 0.0;
    for (int y = 0; y < height; y++) {
      Object row = rows[y];
      if (row == null || !row.getClass().isArray() || Array.getLength(row) != width) {
        throw new UnreadableFitsException("Image data does not match its header");
      }
      int base = y * width;
      switch (row) {
        case float[] f -> System.arraycopy(f, 0, out, base, width);
        case double[] d -> {
          for (int x = 0; x < width; x++) {
            out[base + x] = (float) d[x];
          }
        }
        case byte[] b -> {
          int missing = blank == null ? -1 : (int) (blank & 0xFF);
          for (int x = 0; x < width; x++) {
            int v = b[x] & 0xFF; // FITS BITPIX 8 is unsigned
            out[base + x] = v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          }
        }
        case short[] s -> {
          long missing = blank == null ? Long.MIN_VALUE : blank;
          for (int x = 0; x < width; x++) {
            short v = s[x];
            out[base + x] = v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          }
        }
        case int[] n -> {
          long missing = blank == null ? Long.MIN_VALUE : blank;
          for (int x = 0; x < width; x++) {
            int v = n[x];
            out[base + x] = v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          }
        }
        case long[] l -> {
          boolean hasBlank = blank != null;
          long missing = hasBlank ? blank : 0;
          for (int x = 0; x < width; x++) {
            long v = l[x];
            out[base + x] = hasBlank && v == missing ? Float.NaN : (float) (v * scale + zero);
          }
        }
        default -> throw new UnreadableFitsException("Unsupported pixel type " + row.getClass().getSimpleName());
      }
    }
    replaceInfinities(out);
    return out;
  }

  private static void replaceInfinities(float[] px) {
    for (int i = 0; i < px.length; i++) {
      if (Float.isInfinite(px[i])) {
        px[i] = Float.NaN;
      }
    }
  }
}
