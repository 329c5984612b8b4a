package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.worker.pixels.Plane;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.fits.UnreadableFitsException;
import global.lco.thumbs.worker.render.colour.ColourRenderer;

/** Test channels made from real corpus frames. */
public final class Planes {
  private Planes() {
  }

  public static FitsImage decode(String corpusFile) {
    try {
      return new FitsDecoder(FitsLimits.of(100_000_000L)).decode(Corpus.bytes(corpusFile));
    } catch (UnreadableFitsException e) {
      throw new IllegalStateException(corpusFile, e);
    }
  }

  /** The frame stretched as a colour channel with the default parameters. */
  public static Plane stretched(String corpusFile) {
    return stretched(decode(corpusFile));
  }

  public static Plane stretched(FitsImage image) {
    return ColourRenderer.stretch(image.pixels(), image.width(), image.height(), RenderParams.defaults());
  }

  /**
   * The frame's content moved by (dx, dy) pixels, bilinear: {@code out(x, y) = in(x − dx, y − dy)};
   * pixels with no source are NaN, the decoder's missing value.
   */
  public static FitsImage shifted(FitsImage image, double dx, double dy) {
    int w = image.width();
    int h = image.height();
    float[] in = image.pixels();
    float[] out = new float[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sx = x - dx;
        double sy = y - dy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
          out[y * w + x] = Float.NaN;
          continue;
        }
        double fx = sx - x0;
        double fy = sy - y0;
        double top = in[y0 * w + x0] * (1 - fx) + in[y0 * w + x0 + 1] * fx;
        double bottom = in[(y0 + 1) * w + x0] * (1 - fx) + in[(y0 + 1) * w + x0 + 1] * fx;
        out[y * w + x] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return new FitsImage(w, h, out);
  }

  /** A {@code w × h} part of a plane starting at (x0, y0). */
  public static Plane crop(Plane plane, int x0, int y0, int w, int h) {
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(plane.pixels(), (y0 + y) * plane.width() + x0, out, y * w, w);
    }
    return new Plane(out, w, h);
  }
}
