package global.lco.thumbs.worker.fits;

/**
 * Decodes one RICE_1 tile (the FITS tiled-image convention, as written by fpack and cfitsio's
 * {@code fits_rcomp}): the first pixel verbatim in {@code bytePix} big-endian bytes, then blocks of
 * pixel differences, each block led by a split level FS coded in a few bits. FS = 0 marks an
 * all-zero block, FS = max a block of verbatim differences, anything else Rice codes (a unary
 * high part and FS low bits). Works on the file's bytes directly into a reused {@code int[]}: no
 * buffers, no per-pixel virtual calls, which is where nom-tam-fits spends most of its decode time.
 */
final class RiceDecoder {

  /** Bits set in each byte value after its leading zeros: where a unary code's terminating 1 is. */
  private static final byte[] SIGNIFICANT_BITS = significantBits();

  private RiceDecoder() {
  }

  /**
   * Decodes {@code count} pixels from {@code in[from, to)} into {@code out[0, count)}, as 32-bit
   * two's-complement values of which only the low {@code 8·bytePix} bits are meaningful.
   *
   * @throws IllegalArgumentException when the tile is malformed or ends before {@code count} pixels
   */
  static void decode(byte[] in, int from, int to, int[] out, int count, int bytePix, int blockSize) {
    int fsBits;
    int fsMax;
    switch (bytePix) {
      case 1 -> {
        fsBits = 3;
        fsMax = 6;
      }
      case 2 -> {
        fsBits = 4;
        fsMax = 14;
      }
      case 4 -> {
        fsBits = 5;
        fsMax = 25;
      }
      default -> throw new IllegalArgumentException("RICE BYTEPIX must be 1, 2 or 4, got " + bytePix);
    }
    if (blockSize < 1) {
      throw new IllegalArgumentException("RICE BLOCKSIZE must be positive, got " + blockSize);
    }
    int verbatimBits = 8 * bytePix;
    if (to - from < bytePix + 1) {
      if (count == 0) {
        return;
      }
      throw truncated();
    }
    int p = from;
    int last = 0;
    for (int i = 0; i < bytePix; i++) {
      last = (last << 8) | (in[p++] & 0xFF);
    }
    int bits = in[p++] & 0xFF; // unread bits, right-aligned
    int held = 8;              // how many of them
    for (int i = 0; i < count; ) {
      held -= fsBits;
      while (held < 0) {
        if (p >= to) {
          throw truncated();
        }
        bits = (bits << 8) | (in[p++] & 0xFF);
        held += 8;
      }
      int fs = (bits >>> held) - 1;
      bits &= (1 << held) - 1;
      int end = Math.min(i + blockSize, count);
      if (fs < 0) {
        // Every difference in the block is zero.
        while (i < end) {
          out[i++] = last;
        }
      } else if (fs == fsMax) {
        // High entropy: each difference stored verbatim in 8·bytePix bits.
        for (; i < end; i++) {
          long diff = (long) bits << (verbatimBits - held);
          int k = verbatimBits - held - 8;
          for (; k >= 0; k -= 8) {
            if (p >= to) {
              throw truncated();
            }
            diff |= (long) (in[p++] & 0xFF) << k;
          }
          if (held > 0) {
            if (p >= to) {
              throw truncated();
            }
            bits = in[p++] & 0xFF;
            diff |= bits >>> -k;
            bits &= (1 << held) - 1;
          } else {
            bits = 0;
          }
          last += unfold((int) diff);
          out[i] = last;
        }
      } else if (fs < fsMax) {
        for (; i < end; i++) {
          // The unary part: count zero bits up to the next 1.
          while (bits == 0) {
            if (p >= to) {
              throw truncated();
            }
            bits = in[p++] & 0xFF;
            held += 8;
          }
          int zeros = held - SIGNIFICANT_BITS[bits];
          held -= zeros + 1;
          bits ^= 1 << held;
          held -= fs;
          while (held < 0) {
            if (p >= to) {
              throw truncated();
            }
            bits = (bits << 8) | (in[p++] & 0xFF);
            held += 8;
          }
          int diff = (zeros << fs) | (bits >>> held);
          bits &= (1 << held) - 1;
          last += unfold(diff);
          out[i] = last;
        }
      } else {
        throw new IllegalArgumentException("RICE block with split level " + fs + " above the maximum " + fsMax);
      }
    }
  }

  /** Differences are stored folded to non-negative values: 0, -1, 1, -2, 2 … as 0, 1, 2, 3, 4 … */
  private static int unfold(int folded) {
    return (folded & 1) == 0 ? folded >>> 1 : ~(folded >>> 1);
  }

  private static IllegalArgumentException truncated() {
    return new IllegalArgumentException("RICE tile ends before its last pixel");
  }

  private static byte[] significantBits() {
    byte[] table = new byte[256];
    for (int v = 1; v < 256; v++) {
      table[v] = (byte) (32 - Integer.numberOfLeadingZeros(v));
    }
    return table;
  }
}
