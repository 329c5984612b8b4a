package global.lco.thumbs.worker.pixels;

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
    return crop((width - w) / 2, (height - h) / 2, w, h);
  }

  /** The {@code w × h} part of this plane whose top-left pixel is {@code (x0, y0)}; the plane itself when that is all of it. */
  public Plane crop(int x0, int y0, int w, int h) {
    if (x0 == 0 && y0 == 0 && w == width && h == height) {
      return this;
    }
    if (x0 < 0 || y0 < 0 || w < 1 || h < 1 || x0 + w > width || y0 + h > height) {
      throw new IllegalArgumentException("cannot crop " + w + "x" + h + " at " + x0 + "," + y0 + " from " + width
          + "x" + height);
    }
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(pixels, (y0 + y) * width + x0, out, y * w, w);
    }
    return new Plane(out, w, h);
  }
}
