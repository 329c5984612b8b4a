package global.lco.thumbs.worker.tile;

import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.render.Picture;

/**
 * A colour composite at full resolution as IIIF tiles are cut from it (docs/iiif.md): stretched,
 * registered, stacked and turned like the colour thumbnail, kept as one plane per channel so each
 * tile resamples only the part of a channel it needs, as a mono tile does (three bytes a pixel).
 */
public record RgbFrame(Plane red, Plane green, Plane blue) {

  public RgbFrame {
    if (red.width() != green.width() || red.width() != blue.width() || red.height() != green.height()
        || red.height() != blue.height()) {
      throw new IllegalArgumentException("the channels of a composite have one size");
    }
  }

  /** The planes of an interleaved RGB picture. */
  public static RgbFrame of(Picture rgb) {
    if (rgb.channels() != 3) {
      throw new IllegalArgumentException("a composite has 3 channels, got " + rgb.channels());
    }
    int n = rgb.width() * rgb.height();
    byte[] px = rgb.pixels();
    byte[][] planes = new byte[3][n];
    for (int i = 0, j = 0; i < n; i++, j += 3) {
      planes[0][i] = px[j];
      planes[1][i] = px[j + 1];
      planes[2][i] = px[j + 2];
    }
    return new RgbFrame(new Plane(planes[0], rgb.width(), rgb.height()), new Plane(planes[1], rgb.width(), rgb.height()),
        new Plane(planes[2], rgb.width(), rgb.height()));
  }

  public int width() {
    return red.width();
  }

  public int height() {
    return red.height();
  }

  /** Heap the three planes hold. */
  public long bytes() {
    return 3L * red.pixels().length;
  }
}
