package global.lco.thumbs.worker.render;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.render.colour.ColourComposer;
import global.lco.thumbs.worker.render.colour.Plane;
import global.lco.thumbs.worker.render.colour.Registration;
import global.lco.thumbs.worker.render.colour.Shift;

/**
 * The three-filter pipeline (SPEC §4): each channel stretched on its own as a mono frame would be,
 * then green and blue registered onto red, cropped to the common area, stacked, resized, labelled
 * and encoded as an RGB JPEG.
 */
public final class ColourRenderer {

  /** The registration of green and blue onto red, kept for logs and tests. */
  public record Alignment(Shift green, Shift blue) {
  }

  /** A rendered composite and how its channels were aligned. */
  public record Result(RenderedImage image, Alignment alignment) {
  }

  private ColourRenderer() {
  }

  /**
   * One channel through SPEC §3.2–3.5 and the flip: the window, the 8-bit stretch and median mode,
   * exactly as a mono render (it is the mono stretch), so a channel looks like its own mono thumbnail.
   * Channels run on their own threads, so each gets its own timer; their stages are not reported.
   */
  public static Plane stretch(float[] px, int w, int h, RenderParams params) {
    return MonoRenderer.stretch(px, w, h, params, new StageTimer());
  }

  /** Green and blue onto red: two independent registrations, run as two bands of the shared pool. */
  static Alignment register(Plane red, Plane green, Plane blue) {
    Plane[] moving = {green, blue};
    Shift[] shifts = new Shift[2];
    RowBands.run(2, (long) red.width() * red.height(), (band, from, to) -> {
      for (int i = from; i < to; i++) {
        shifts[i] = Registration.estimate(red, moving[i]);
      }
    });
    return new Alignment(shifts[0], shifts[1]);
  }

  public static Result render(Plane red, Plane green, Plane blue, RenderParams params, StageTimer timer) {
    int cw = Math.min(red.width(), Math.min(green.width(), blue.width()));
    int ch = Math.min(red.height(), Math.min(green.height(), blue.height()));
    Plane r = red.centreCrop(cw, ch);
    Plane g = green.centreCrop(cw, ch);
    Plane b = blue.centreCrop(cw, ch);
    Alignment alignment = timer.stage("register", () -> register(r, g, b));
    // The composite is at most the cropped channel size; its thumbnail size decides the reduce factor.
    Size target = Resize.fitInside(cw, ch, params.width(), params.height());
    int fx = Math.max(1, (int) ((double) cw / target.width() / Resize.REDUCING_GAP));
    int fy = Math.max(1, (int) ((double) ch / target.height() / Resize.REDUCING_GAP));
    if (fx > 1 || fy > 1) {
      // Box-reduce each channel first and compose at the reduced size, with the shifts scaled to
      // it: the same average either way for a constant shift, at a fraction of the pixels.
      Plane[] reduced = timer.stage("resize", () -> new Plane[] {reduce(r, fx, fy), reduce(g, fx, fy), reduce(b, fx, fy)});
      Alignment scaled = new Alignment(scale(alignment.green(), fx, fy), scale(alignment.blue(), fx, fy));
      var composite = timer.stage("compose",
          () -> ColourComposer.compose(reduced[0], reduced[1], reduced[2], scaled.green(), scaled.blue()));
      Size size = Resize.fitInside(composite.width() * fx, composite.height() * fy, params.width(), params.height());
      byte[] small = timer.stage("resize", () -> LanczosResample.resample(composite.rgb(), composite.width(),
          composite.height(), 3, composite.width(), composite.height(), size.width(), size.height()));
      return finish(small, size, alignment, params, timer);
    }
    var composite = timer.stage("compose",
        () -> ColourComposer.compose(r, g, b, alignment.green(), alignment.blue()));
    int w = composite.width();
    int h = composite.height();
    Size size = Resize.fitInside(w, h, params.width(), params.height());
    byte[] small = timer.stage("resize", () -> Resize.thumbnail(composite.rgb(), w, h, 3, size.width(), size.height()));
    return finish(small, size, alignment, params, timer);
  }

  private static Plane reduce(Plane plane, int fx, int fy) {
    return new Plane(BoxReduce.reduce(plane.pixels(), plane.width(), plane.height(), 1, fx, fy),
        BoxReduce.reducedSize(plane.width(), fx), BoxReduce.reducedSize(plane.height(), fy));
  }

  private static Shift scale(Shift shift, int fx, int fy) {
    return new Shift(shift.dx() / fx, shift.dy() / fy, shift.confidence(), shift.aligned());
  }

  private static Result finish(byte[] small, Size size, Alignment alignment, RenderParams params, StageTimer timer) {
    if (!params.label().isEmpty()) {
      timer.stage("label", () -> Label.draw(small, size.width(), size.height(), 3, params.label()));
    }
    byte[] jpeg = timer.stage("encode", () -> JpegEncoder.encode(small, size.width(), size.height(), 3, params.quality()));
    return new Result(new RenderedImage(jpeg, size.width(), size.height()), alignment);
  }
}
