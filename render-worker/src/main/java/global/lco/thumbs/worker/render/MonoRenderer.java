package global.lco.thumbs.worker.render;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.Plane;

/** The single-frame (greyscale) pipeline: window, stretch, optional median mode, resize, label, JPEG. */
public final class MonoRenderer {

  private MonoRenderer() {
  }

  public static RenderedImage render(float[] px, int w, int h, RenderParams params, StageTimer timer) {
    return finish(stretchFor(px, w, h, params, timer), params, timer);
  }

  /**
   * A stretched frame ({@link #stretch}) and, when it was made in the same pass, its box reduce by
   * {@code fx × fy} for the thumbnail asked for (else null).
   */
  public record Stretched(Plane frame, byte[] reduced, int fx, int fy) {
  }

  /**
   * {@link #stretch} for a thumbnail of {@code params}' size: when that thumbnail box-reduces the
   * frame first, the reduce is made in the stretch's own pass, or with median mode in the mode's
   * pass (the same pixels as reducing afterwards, one pass over the 8-bit frame fewer).
   */
  public static Stretched stretchFor(float[] px, int w, int h, RenderParams params, StageTimer timer) {
    Size size = Resize.fitInside(w, h, params.width(), params.height());
    int fx = Resize.reducingFactor(w, size.width());
    int fy = Resize.reducingFactor(h, size.height());
    if ((fx == 1 && fy == 1) || (size.width() == w && size.height() == h)) {
      return new Stretched(stretch(px, w, h, params, timer), null, 1, 1);
    }
    if (params.median()) {
      // Median mode needs the whole frame's histogram first; its table is then applied in the reduce's pass.
      Window window = timer.stage("window", () -> Stretch.window(px, w, h));
      long[] histogram = new long[256];
      byte[] img = timer.stage("scale", () -> Stretch.toBytes(px, w, h, window, true, histogram));
      byte[] reduced = timer.stage("median", () -> MedianMode.applyReduced(img, w, h, params.percentile(),
          ByteHistogram.ofBins(histogram), fx, fy));
      return new Stretched(new Plane(img, w, h), reduced, fx, fy);
    }
    Window window = timer.stage("window", () -> Stretch.window(px, w, h));
    byte[][] both = timer.stage("scale", () -> Stretch.toBytesReduced(px, w, h, window, fx, fy));
    return new Stretched(new Plane(both[0], w, h), both[1], fx, fy);
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
    return finish(new Stretched(frame, null, 1, 1), params, timer);
  }

  /** As {@link #finish(Plane, RenderParams, StageTimer)}, from the reduce already made when there is one. */
  public static RenderedImage finish(Stretched stretched, RenderParams params, StageTimer timer) {
    Picture picture = picture(stretched, params, timer);
    byte[] jpeg = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
    return new RenderedImage(jpeg, picture.width(), picture.height());
  }

  /** Resize and label of a stretched frame: the thumbnail as it goes to the JPEG encoder. */
  public static Picture picture(Plane frame, RenderParams params, StageTimer timer) {
    return picture(new Stretched(frame, null, 1, 1), params, timer);
  }

  /** As {@link #picture(Plane, RenderParams, StageTimer)}, from the reduce already made when there is one. */
  public static Picture picture(Stretched stretched, RenderParams params, StageTimer timer) {
    Plane frame = stretched.frame();
    byte[] img = frame.pixels();
    int w = frame.width();
    int h = frame.height();
    Size size = Resize.fitInside(w, h, params.width(), params.height());
    byte[] small = timer.stage("resize", () -> stretched.reduced() == null
        ? Resize.thumbnail(img, w, h, 1, size.width(), size.height())
        : Resize.fromReduced(stretched.reduced(), w, h, 1, stretched.fx(), stretched.fy(), size.width(), size.height()));
    if (!params.label().isEmpty()) {
      timer.stage("label", () -> Label.draw(small, size.width(), size.height(), 1, params.label()));
    }
    return new Picture(small, size.width(), size.height(), 1);
  }
}
