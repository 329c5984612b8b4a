package global.lco.thumbs.worker.cutout;

import global.lco.thumbs.shared.contract.CutoutParams;
import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.worker.orient.FrameOrientation;
import global.lco.thumbs.worker.orient.OrientationHeader;
import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.render.Resize;

/**
 * A cutout (today's upstream {@code /cutout/} route): the box of frame pixels around (x, y), trimmed
 * to the frame, stretched linearly from black at the sky to white at sky + sigma·σ ({@link SkyLevel}
 * of the whole frame), zoomed (below 1 with the Lanczos resampler, from 1 up by repeating pixels),
 * turned like a thumbnail of the frame, and marked with ticks when asked.
 */
public final class CutoutRenderer {

  /** A cutout's 8-bit grey pixels, row 0 at the top. */
  public record Cutout(byte[] pixels, int width, int height) {
  }

  private CutoutRenderer() {
  }

  /**
   * @throws global.lco.thumbs.shared.contract.Problem BAD_PARAMETER when the box misses the frame
   */
  public static Cutout render(float[] px, int width, int height, OrientationHeader header, CutoutParams c,
                              OrientationMode orientation, long seed) {
    var box = CutoutBox.of(c, width, height);
    if (box == null) {
      throw Failure.BAD_PARAMETER.problem("The cutout around (" + c.x() + ", " + c.y() + ") misses the frame of "
          + width + "x" + height + " pixels");
    }
    var sky = SkyLevel.measure(px, seed);
    byte[] stretched = stretch(px, width, box, sky, c.sigma());
    int zw = (int) Math.max(1, Math.round(box.width() * c.zoom()));
    int zh = (int) Math.max(1, Math.round(box.height() * c.zoom()));
    byte[] zoomed = c.zoom() < 1 ? Resize.lanczos(stretched, box.width(), box.height(), 1, zw, zh)
        : NearestZoom.enlarge(stretched, box.width(), box.height(), zw, zh);
    Turn turn = FrameOrientation.of(orientation, width, height, header);
    byte[] turned = turn.apply(zoomed, zw, zh, 1);
    int tw = turn.width(zw, zh);
    int th = turn.height(zw, zh);
    if (c.ticks()) {
      // The centre pixel's middle, on the zoomed picture, then where the turn takes it.
      double cx = (c.x() - box.x0() + 0.5) * zw / box.width();
      double cy = (c.y() - box.y0() + 0.5) * zh / box.height();
      int[] centre = turnPoint(turn, cx, cy, zw, zh);
      Ticks.draw(turned, tw, th, centre[0], centre[1]);
    }
    return new Cutout(turned, tw, th);
  }

  /** Black at the sky, white at sky + sigma·σ, linear between; missing pixels black. FITS row order. */
  static byte[] stretch(float[] px, int width, CutoutBox box, SkyLevel sky, double sigma) {
    double black = sky.sky();
    double range = sigma * sky.sigma();
    // A flat frame has no noise: everything above its level is white.
    double scale = range > 0 ? 255 / range : Double.MAX_VALUE;
    byte[] out = new byte[box.width() * box.height()];
    for (int y = box.y0(); y < box.y1(); y++) {
      int dst = (y - box.y0()) * box.width();
      int src = y * width + box.x0();
      for (int x = 0; x < box.width(); x++) {
        double t = (px[src + x] - black) * scale;
        // NaN fails both comparisons below and stays 0.
        out[dst + x] = (byte) (t >= 255 ? 255 : t > 0 ? (int) Math.rint(t) : 0);
      }
    }
    return out;
  }

  /** Where the turn takes the point (x, y) of a w × h picture, to the pixel it falls in. */
  private static int[] turnPoint(Turn turn, double x, double y, int w, int h) {
    int px = (int) Math.min(w - 1, Math.floor(x));
    int py = (int) Math.min(h - 1, Math.floor(y));
    byte[] marker = new byte[w * h];
    marker[py * w + px] = 1;
    byte[] turned = turn.apply(marker, w, h, 1);
    int tw = turn.width(w, h);
    for (int i = 0; i < turned.length; i++) {
      if (turned[i] == 1) {
        return new int[] {i % tw, i / tw};
      }
    }
    throw new IllegalStateException("a turn loses no pixel");
  }
}
