package global.lco.thumbs.worker.tile;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.TileParams;
import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.Resize;

/**
 * A IIIF region of a frame (docs/iiif.md), cut from the same stretched, oriented full-resolution
 * picture a thumbnail is sized from, so its pixels agree with the thumbnail's: scaled with the
 * thumbnail's resampler over the whole frame's pixels (tiles join without seams), then mirrored and
 * turned clockwise as asked.
 */
public final class TileRenderer {

  private TileRenderer() {
  }

  /**
   * @throws global.lco.thumbs.shared.contract.Problem BAD_PARAMETER when the region leaves the picture (the
   *     gateway resolved it against the picture's size, so this only happens if that size was stale)
   */
  public static Picture render(Plane frame, TileParams tile) {
    requireInside(frame.width(), frame.height(), tile);
    byte[] scaled = Resize.region(frame.pixels(), frame.width(), frame.height(), tile.x(), tile.y(), tile.width(),
        tile.height(), tile.outWidth(), tile.outHeight());
    return turned(scaled, tile, 1);
  }

  /** Refuses a region that leaves a picture of {@code width × height}. */
  static void requireInside(int width, int height, TileParams tile) {
    if (tile.x() + (long) tile.width() > width || tile.y() + (long) tile.height() > height) {
      throw Failure.BAD_PARAMETER.problem("The region leaves the image of " + width + "x" + height + " pixels");
    }
  }

  /** A scaled region ({@code channels} bytes a pixel, {@code outWidth × outHeight}) mirrored and turned as the tile asks. */
  static Picture turned(byte[] scaled, TileParams tile, int channels) {
    // IIIF turns clockwise, Turn counter-clockwise; the mirror comes first in both.
    var turn = new Turn(tile.mirror(), -tile.rotation() / 90);
    int w = tile.outWidth();
    int h = tile.outHeight();
    byte[] turned = turn.equals(Turn.NONE) ? scaled : turn.apply(scaled, w, h, channels);
    return new Picture(turned, turn.width(w, h), turn.height(w, h), channels);
  }
}
