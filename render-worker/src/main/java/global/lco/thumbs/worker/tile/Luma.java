package global.lco.thumbs.worker.tile;

/**
 * Grey from RGB as Pillow's {@code convert("L")} makes it: ITU-R BT.601 luma,
 * {@code L = R·299/1000 + G·587/1000 + B·114/1000}, in Pillow's 16-bit fixed point with rounding, so a
 * grey tile is what a Python client converting the colour tile would get.
 */
public final class Luma {

  private Luma() {
  }

  /** One grey byte per pixel of three equally long channels. */
  public static byte[] of(byte[] red, byte[] green, byte[] blue) {
    byte[] grey = new byte[red.length];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (byte) (((red[i] & 0xFF) * 19595 + (green[i] & 0xFF) * 38470 + (blue[i] & 0xFF) * 7471 + 0x8000) >> 16);
    }
    return grey;
  }
}
