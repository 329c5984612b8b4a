package global.lco.thumbs.worker.render.colour;

/**
 * One stretched 8-bit colour channel, row-major, in picture order (row 0 at the top, as after the
 * vertical flip). Channels of one composite may differ in size until {@link #centreCrop} evens them.
 */
public record Plane(byte[] pixels, int width, int height) {

  public Plane {
    if (width < 1 || height < 1 || pixels.length != width * height) {
      throw new IllegalArgumentException("plane of " + width + "x" + height + " needs that many pixels");
    }
  }

  /** The centred {@code w × h} part of this plane; the plane itself when it already has that size. */
  public Plane centreCrop(int w, int h) {
    if (w == width && h == height) {
      return this;
    }
    if (w > width || h > height) {
      throw new IllegalArgumentException("cannot crop " + width + "x" + height + " to " + w + "x" + h);
    }
    int x0 = (width - w) / 2;
    int y0 = (height - h) / 2;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(pixels, (y0 + y) * width + x0, out, y * w, w);
    }
    return new Plane(out, w, h);
  }
}
