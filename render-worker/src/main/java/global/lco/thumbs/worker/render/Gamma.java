package global.lco.thumbs.worker.render;

/** fits2image's gamma lookup table, applied to the linearly scaled 0..255 value. */
final class Gamma {

  static final double GAMMA = 2.5;

  /** {@code LUT[i] = floor(256 · (i/256)^(1/2.5))}, exactly as fits2image builds it (size 256, not 255). */
  static final byte[] LUT = build();

  private Gamma() {
  }

  private static byte[] build() {
    byte[] lut = new byte[256];
    for (int i = 0; i < 256; i++) {
      lut[i] = (byte) (int) (256 * Math.pow(i / 256.0, 1.0 / GAMMA));
    }
    return lut;
  }

  static int at(int i) {
    return LUT[i] & 0xFF;
  }
}
