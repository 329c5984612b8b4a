package global.lco.thumbs.worker.render;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.Plane;

/** The single-frame (greyscale) pipeline: window, stretch, optional median mode, resize, label, JPEG. */
public final class MonoRenderer {

  private MonoRenderer() {
  }

  public static RenderedImage render(float[] px, int w, int h, RenderParams params, StageTimer timer) {
    return finish(stretch(px, w, h, params, timer), params, timer);
  }

  /**
   * The full-resolution 8-bit frame in picture order: window, stretch (with the flip) and median
   * mode. It depends only on the pixels, {@code median} and {@code percentile}, so a worker may keep
   * it and {@link #finish} other sizes of the same frame from it without decoding again.
   */
  public static Plane stretch(float[] px, int w, int h, RenderParams params, StageTimer timer) {
    Window window = timer.stage("window", () -> Stretch.window(px, w, h));
    // The vertical flip is fused into the stretch; median mode is histogram-based, so row order cannot affect it.
    long[] histogram = params.median() ? new long[256] : null;
    byte[] img = timer.stage("scale", () -> Stretch.toBytes(px, w, h, window, true, histogram));
    if (params.median()) {
      timer.stage("median", () -> MedianMode.apply(img, params.percentile(), ByteHistogram.ofBins(histogram)));
    }
    return new Plane(img, w, h);
  }

  /** Resize, label and JPEG of a stretched frame; {@code frame} is only read, so it may be shared. */
  public static RenderedImage finish(Plane frame, RenderParams params, StageTimer timer) {
    Picture picture = picture(frame, params, timer);
    byte[] jpeg = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
    return new RenderedImage(jpeg, picture.width(), picture.height());
  }

  /** Resize and label of a stretched frame: the thumbnail as it goes to the JPEG encoder. */
  public static Picture picture(Plane frame, RenderParams params, StageTimer timer) {
    byte[] img = frame.pixels();
    int w = frame.width();
    int h = frame.height();
    Size size = Resize.fitInside(w, h, params.width(), params.height());
    byte[] small = timer.stage("resize", () -> Resize.thumbnail(img, w, h, 1, size.width(), size.height()));
    if (!params.label().isEmpty()) {
      timer.stage("label", () -> Label.draw(small, size.width(), size.height(), 1, params.label()));
    }
    return new Picture(small, size.width(), size.height(), 1);
  }
}
