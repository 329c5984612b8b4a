package global.lco.thumbs.worker.fits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import nom.tam.fits.Header;
import nom.tam.fits.compression.algorithm.quant.RandomSequence;

/**
 * A RICE tile's decoded integers to physical floats in the output frame, per the FITS tiled-image
 * convention (and cfitsio): quantised floats as (I − R + 0.5)·ZSCALE + ZZERO, where R walks the
 * standard 10,000-entry random sequence from a seed of ZDITHER0 plus the tile's index, ZBLANK marking
 * nulls and, for SUBTRACTIVE_DITHER_2, −2³¹+2 an exact zero; integers with BSCALE, BZERO and BLANK.
 */
final class TilePixels {
  private static final int ZERO_VALUE = Integer.MIN_VALUE + 2;
  private static final int RANDOM_MULTIPLIER = 500;
  private static final double[] RANDOM = randomSequence();

  /** Per tile: its decoded integers to physical floats, written into the frame. */
  @FunctionalInterface
  interface Writer {
    void write(int tile, int[] values, float[] out, int offset, int tileWidth, int tileHeight, int stride);
  }

  private TilePixels() {
  }

  /**
   * Quantised floats (ZBITPIX −32 or −64) with subtractive dithering; null for no dithering, whose
   * decoders disagree on the half-step offset, or when a needed keyword is missing.
   */
  static Writer dequantiser(Header header, TileTable table, int bytePix) {
    String method = header.getStringValue("ZQUANTIZ", "").trim().toUpperCase(Locale.ROOT);
    boolean dither2 = method.equals("SUBTRACTIVE_DITHER_2");
    if (!(dither2 || method.equals("SUBTRACTIVE_DITHER_1")) || bytePix != 4 || !header.containsKey("ZDITHER0")) {
      return null;
    }
    long seed = header.getLongValue("ZDITHER0");
    Double fixedScale = table.isScalar("ZSCALE", 'D') ? null : keyword(header, "ZSCALE");
    Double fixedZero = table.isScalar("ZZERO", 'D') ? null : keyword(header, "ZZERO");
    boolean blankColumn = table.isScalar("ZBLANK", 'J');
    if ((fixedScale == null && !table.isScalar("ZSCALE", 'D')) || (fixedZero == null && !table.isScalar("ZZERO", 'D'))
        || (table.has("ZBLANK") && !blankColumn)) {
      return null;
    }
    boolean checkNull = blankColumn || header.containsKey("ZBLANK");
    int fixedBlank = header.getIntValue("ZBLANK", 0);
    return (tile, values, out, offset, w, h, stride) -> {
      double scale = fixedScale != null ? fixedScale : table.doubleAt("ZSCALE", tile);
      double zero = fixedZero != null ? fixedZero : table.doubleAt("ZZERO", tile);
      int blank = blankColumn ? table.intAt("ZBLANK", tile) : fixedBlank;
      // |I| ≤ 2^31, so unless ZSCALE or ZZERO is absurd no value can overflow a float: skip the check.
      boolean mayOverflow = !(Math.abs(scale) * 0x1p32 + Math.abs(zero) < Float.MAX_VALUE);
      boolean fixUps = checkNull || dither2 || mayOverflow;
      int start = (int) ((seed + tile - 1) % RANDOM.length);
      int next = (int) (RANDOM[start] * RANDOM_MULTIPLIER);
      int k = 0;
      for (int y = 0; y < h; y++) {
        int row = offset + y * stride;
        for (int x = 0; x < w; ) {
          // A run up to the row's end or the random sequence's wrap: no branch in the loop.
          int run = Math.min(w - x, RANDOM.length - next);
          for (int j = 0; j < run; j++) {
            out[row + x + j] = (float) ((values[k + j] - RANDOM[next + j] + 0.5) * scale + zero);
          }
          if (fixUps) {
            for (int j = 0; j < run; j++) {
              int v = values[k + j];
              if (checkNull && v == blank) {
                out[row + x + j] = Float.NaN;
              } else if (dither2 && v == ZERO_VALUE) {
                out[row + x + j] = 0f;
              } else if (Float.isInfinite(out[row + x + j])) {
                out[row + x + j] = Float.NaN;
              }
            }
          }
          x += run;
          k += run;
          next += run;
          if (next == RANDOM.length) {
            start = start + 1 == RANDOM.length ? 0 : start + 1;
            next = (int) (RANDOM[start] * RANDOM_MULTIPLIER);
          }
        }
      }
    };
  }

  /** Integers (ZBITPIX 8, 16, 32) with the image's BSCALE, BZERO and BLANK; null for a null convention we leave alone. */
  static Writer integers(Header header, TileTable table, int bytePix) {
    int bitpix = header.getIntValue("ZBITPIX", 0);
    if (!(bitpix == 8 || bitpix == 16 || bitpix == 32) || bytePix < bitpix / 8 || table.has("ZBLANK")
        || header.containsKey("ZBLANK") || table.has("ZSCALE") || table.has("ZZERO")) {
      return null;
    }
    double scale = header.getDoubleValue("BSCALE", 1.0);
    double zero = header.getDoubleValue("BZERO", 0.0);
    boolean identity = scale == 1.0 && zero == 0.0;
    boolean hasBlank = header.containsKey("BLANK");
    long blank = hasBlank ? header.getLongValue("BLANK") : 0;
    long missing = bitpix == 8 ? blank & 0xFF : blank;
    return (tile, values, out, offset, w, h, stride) -> {
      int k = 0;
      for (int y = 0; y < h; y++) {
        int row = offset + y * stride;
        for (int x = 0; x < w; x++, k++) {
          // Only the low 8·bytePix bits are the stored value; BITPIX 8 is unsigned, 16 and 32 signed.
          int v = switch (bitpix) {
            case 8 -> values[k] & 0xFF;
            case 16 -> (short) values[k];
            default -> values[k];
          };
          float f = hasBlank && v == missing ? Float.NaN : identity ? v : (float) (v * scale + zero);
          out[row + x] = Float.isInfinite(f) ? Float.NaN : f;
        }
      }
    };
  }

  /**
   * A float tile the writer could not quantise (too few distinct values, say) and stored instead as
   * the gzip of its big-endian values in GZIP_COMPRESSED_DATA ({@code slice}), as fpack does.
   */
  static void unquantised(byte[] file, int zbitpix, long[] slice, int tile, float[] out, int offset, int w, int h,
                          int stride) {
    int bytesPerValue = zbitpix == -64 ? 8 : 4;
    byte[] raw;
    try (var in = new GZIPInputStream(new ByteArrayInputStream(file, (int) slice[0], (int) slice[1]))) {
      raw = in.readNBytes(w * h * bytesPerValue);
    } catch (IOException broken) {
      throw new IllegalArgumentException("tile " + tile + ": " + broken.getMessage());
    }
    if (raw.length != w * h * bytesPerValue) {
      throw new IllegalArgumentException("tile " + tile + " holds fewer values than pixels");
    }
    var values = ByteBuffer.wrap(raw);
    for (int y = 0; y < h; y++) {
      int row = offset + y * stride;
      for (int x = 0; x < w; x++) {
        float f = bytesPerValue == 8 ? (float) values.getDouble() : values.getFloat();
        out[row + x] = Float.isInfinite(f) ? Float.NaN : f;
      }
    }
  }

  private static Double keyword(Header header, String name) {
    return header.containsKey(name) ? header.getDoubleValue(name) : null;
  }

  private static double[] randomSequence() {
    double[] values = new double[RandomSequence.length()];
    for (int i = 0; i < values.length; i++) {
      values[i] = RandomSequence.get(i);
    }
    return values;
  }
}
