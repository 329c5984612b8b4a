package global.lco.thumbs.worker.tile;

import global.lco.thumbs.shared.contract.TileParams;
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
    TileRenderer.requireInside(frame.width(), frame.height(), tile);
    byte[] r = scaled(frame.red(), tile);
    byte[] g = scaled(frame.green(), tile);
    byte[] b = scaled(frame.blue(), tile);
    return tile.gray() ? TileRenderer.turned(Luma.of(r, g, b), tile, 1) : TileRenderer.turned(interleave(r, g, b), tile, 3);
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
