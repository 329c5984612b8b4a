package global.lco.thumbs.worker.tile;

import global.lco.thumbs.worker.pixels.Plane;

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

  /** The composite of three planes, red, green and blue. */
  public static RgbFrame of(Plane[] planes) {
    if (planes.length != 3) {
      throw new IllegalArgumentException("a composite has 3 channels, got " + planes.length);
    }
    return new RgbFrame(planes[0], planes[1], planes[2]);
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
