package global.lco.thumbs.worker.tile;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.TileParams;
import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.Resize;

/**
 * A IIIF region of a colour composite (docs/iiif.md): each channel scaled with the mono tiles'
 * resampler ({@link Resize#region}, which works per channel as the thumbnail's does), so the whole
 * composite at its own size is the colour thumbnail and neighbouring tiles join without seams; then
 * converted to grey if asked, mirrored and turned clockwise as {@link TileRenderer} does.
 */
public final class ColourTileRenderer {

  private ColourTileRenderer() {
  }

  /**
   * @throws global.lco.thumbs.shared.contract.Problem BAD_PARAMETER when the region leaves the composite
   *     (only with a stale size at the gateway)
   */
  public static Picture render(RgbFrame frame, TileParams tile) {
    if (tile.x() + (long) tile.width() > frame.width() || tile.y() + (long) tile.height() > frame.height()) {
      throw Failure.BAD_PARAMETER.problem("The region leaves the image of " + frame.width() + "x" + frame.height()
          + " pixels");
    }
    int w = tile.outWidth();
    int h = tile.outHeight();
    byte[] r = scaled(frame.red(), tile);
    byte[] g = scaled(frame.green(), tile);
    byte[] b = scaled(frame.blue(), tile);
    int channels = tile.gray() ? 1 : 3;
    byte[] out = tile.gray() ? Luma.of(r, g, b) : interleave(r, g, b);
    // IIIF turns clockwise, Turn counter-clockwise; the mirror comes first in both.
    var turn = new Turn(tile.mirror(), -tile.rotation() / 90);
    byte[] turned = turn.equals(Turn.NONE) ? out : turn.apply(out, w, h, channels);
    return new Picture(turned, turn.width(w, h), turn.height(w, h), channels);
  }

  private static byte[] scaled(Plane channel, TileParams tile) {
    return Resize.region(channel.pixels(), channel.width(), channel.height(), tile.x(), tile.y(), tile.width(),
        tile.height(), tile.outWidth(), tile.outHeight());
  }

  private static byte[] interleave(byte[] r, byte[] g, byte[] b) {
    byte[] rgb = new byte[r.length * 3];
    for (int i = 0, j = 0; i < r.length; i++, j += 3) {
      rgb[j] = r[i];
      rgb[j + 1] = g[i];
      rgb[j + 2] = b[i];
    }
    return rgb;
  }
}
