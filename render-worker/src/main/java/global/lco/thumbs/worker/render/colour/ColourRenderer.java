package global.lco.thumbs.worker.render.colour;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.pixels.RowBands;
import global.lco.thumbs.worker.render.BoxReduce;
import global.lco.thumbs.worker.render.JpegEncoder;
import global.lco.thumbs.worker.render.Label;
import global.lco.thumbs.worker.render.MonoRenderer;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.RenderedImage;
import global.lco.thumbs.worker.render.Resize;
import global.lco.thumbs.worker.render.Size;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.pixels.Plane;

/**
 * The three-filter pipeline (docs/colour.md): each channel stretched on its own as a mono frame would be,
 * then green and blue aligned onto red (by WCS, else correlation), cropped to the common area,
 * stacked, resized, labelled and encoded as an RGB JPEG.
 */
public final class ColourRenderer {

  /** The alignment of green and blue onto red, kept for logs and tests. */
  public record Alignment(Shift green, Shift blue) {
  }

  private static final Alignment UNALIGNED = new Alignment(Shift.none(0), Shift.none(0));

  /**
   * The channels' planes box-reduced by {@code fx × fy} in their stretch's own pass
   * ({@link MonoRenderer#stretchFor}), used instead of reducing again when the composite is made
   * of those very planes (nothing cropped) and needs that reduce.
   */
  public record Prereduced(Plane[] planes, byte[][] reduced, int fx, int fy) {
  }

  /** A rendered composite and how its channels were aligned. */
  public record Result(RenderedImage image, Alignment alignment) {
  }

  /** A composite before JPEG encoding and how its channels were aligned. */
  public record Composed(Picture picture, Alignment alignment) {
  }

  private ColourRenderer() {
  }

  /**
   * One channel through docs/rendering.md, steps 2–4 and the flip: the window, the 8-bit stretch and median mode,
   * exactly as a mono render (it is the mono stretch), so a channel looks like its own mono thumbnail.
   * Channels run on their own threads, so each gets its own timer; their stages are not reported.
   */
  public static Plane stretch(float[] px, int w, int h, RenderParams params) {
    return MonoRenderer.stretch(px, w, h, params, new StageTimer());
  }

  /** Channels with no WCS: aligned by correlation alone. */
  public static Result render(Plane red, Plane green, Plane blue, RenderParams params, StageTimer timer) {
    return render(Channel.of(red), Channel.of(green), Channel.of(blue), params, timer);
  }

  public static Result render(Channel red, Channel green, Channel blue, RenderParams params, StageTimer timer) {
    return render(red, green, blue, params, timer, null);
  }

  /** As {@link #render(Channel, Channel, Channel, RenderParams, StageTimer)}, reusing {@code pre} where it applies. */
  public static Result render(Channel red, Channel green, Channel blue, RenderParams params, StageTimer timer,
                              Prereduced pre) {
    Composed composed = compose(red, green, blue, params, timer, pre);
    Picture picture = composed.picture();
    byte[] jpeg = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
    return new Result(new RenderedImage(jpeg, picture.width(), picture.height()), composed.alignment());
  }

  /**
   * Everything but the encoding: the labelled RGB thumbnail as it goes to the JPEG encoder. The
   * composite is turned as red is ({@link Channel#turn}), sized for the turned picture; in planet mode
   * the channels, each cropped around its own planet, are stacked as they are.
   */
  public static Composed compose(Channel red, Channel green, Channel blue, RenderParams params, StageTimer timer) {
    return compose(red, green, blue, params, timer, null);
  }

  /** As {@link #compose(Channel, Channel, Channel, RenderParams, StageTimer)}, reusing {@code pre} where it applies. */
  public static Composed compose(Channel red, Channel green, Channel blue, RenderParams params, StageTimer timer,
                                 Prereduced pre) {
    Registered registered = register(red, green, blue, params, timer);
    Plane[] common = registered.common();
    Alignment alignment = registered.alignment();
    Turn turn = registered.turn();
    // Resized before it is turned (a few thousand pixels instead of millions), in the box the turn maps onto the asked one.
    int boxW = turn.swapsSides() ? params.height() : params.width();
    int boxH = turn.swapsSides() ? params.width() : params.height();
    byte[] resized = resizedComposite(common, alignment, boxW, boxH, timer, pre);
    Size unturned = Resize.fitInside(common[0].width(), common[0].height(), boxW, boxH);
    byte[] small = turn.equals(Turn.NONE) ? resized
        : timer.stage("orient", () -> turn.apply(resized, unturned.width(), unturned.height(), 3));
    var size = new Size(turn.width(unturned.width(), unturned.height()), turn.height(unturned.width(), unturned.height()));
    if (!params.label().isEmpty()) {
      timer.stage("label", () -> Label.draw(small, size.width(), size.height(), 3, params.label()));
    }
    return new Composed(new Picture(small, size.width(), size.height(), 3), alignment);
  }

  /**
   * The channels a composite is stacked from, unturned: centre-cropped to a common size, green and blue
   * aligned onto red, all three cut to the area they share (whole pixels of the offsets), with the
   * turn the composite takes from red. The composite's size is {@code common[0]}'s, turned.
   */
  public record Registered(Plane[] common, Alignment alignment, Turn turn) {
  }

  /** Everything a composite does before it is stacked: crop, register, cut to the common area. */
  public static Registered register(Channel red, Channel green, Channel blue, RenderParams params, StageTimer timer) {
    int cw = Math.min(red.plane().width(), Math.min(green.plane().width(), blue.plane().width()));
    int ch = Math.min(red.plane().height(), Math.min(green.plane().height(), blue.plane().height()));
    Plane r = red.plane().centreCrop(cw, ch);
    Plane g = green.plane().centreCrop(cw, ch);
    Plane b = blue.plane().centreCrop(cw, ch);
    Alignment alignment = params.planet() ? UNALIGNED : timer.stage("register", () -> align(red, green, blue, r, g, b));
    Plane[] common = ColourComposer.commonArea(r, g, b, alignment.green(), alignment.blue());
    if (common == null) {
      return new Registered(new Plane[] {r, g, b}, UNALIGNED, red.turn());
    }
    return new Registered(common, alignment, red.turn());
  }

  /**
   * The registered composite at full resolution, stacked and turned as {@link #compose} stacks and
   * turns it before resizing, as one plane per channel (red, green, blue): red is the common plane
   * itself, green and blue are moved by what is left of their offsets below a pixel, then each is
   * turned. At most one plane is copied at a time, so a build holds the registered planes plus two
   * shifted ones plus one turned copy.
   */
  public static Plane[] fullResolution(Registered registered, StageTimer timer) {
    Plane[] common = registered.common();
    Alignment alignment = registered.alignment();
    Plane[] stacked = timer.stage("compose", () -> new Plane[] {common[0],
        ColourComposer.shifted(common[1], fraction(alignment.green().dx()), fraction(alignment.green().dy())),
        ColourComposer.shifted(common[2], fraction(alignment.blue().dx()), fraction(alignment.blue().dy()))});
    Turn turn = registered.turn();
    if (turn.equals(Turn.NONE)) {
      return stacked;
    }
    return timer.stage("orient", () -> {
      for (int c = 0; c < 3; c++) {
        stacked[c] = turn.apply(stacked[c]);
      }
      return stacked;
    });
  }

  /** Green and blue onto red: two independent alignments, run as two bands of the shared pool. */
  private static Alignment align(Channel red, Channel green, Channel blue, Plane r, Plane g, Plane b) {
    Channel[] moving = {green, blue};
    Plane[] cropped = {g, b};
    String[] names = {"green", "blue"};
    Shift[] shifts = new Shift[2];
    RowBands.run(2, (long) r.width() * r.height(), (band, from, to) -> {
      for (int i = from; i < to; i++) {
        shifts[i] = ChannelAlignment.align(names[i], red, moving[i], r, cropped[i]);
      }
    });
    return new Alignment(shifts[0], shifts[1]);
  }

  /**
   * Stacks the common area and shrinks it like Pillow's thumbnail. When the thumbnail reduces the
   * frame, each channel is box-reduced first and the sub-pixel offsets scaled to the reduced grid:
   * the same result for unshifted channels (the reduce works per channel anyway) at a fraction of
   * the pixels to stack.
   */
  private static byte[] resizedComposite(Plane[] common, Alignment alignment, int boxW, int boxH, StageTimer timer,
                                         Prereduced pre) {
    int w = common[0].width();
    int h = common[0].height();
    Size size = Resize.fitInside(w, h, boxW, boxH);
    int fx = Resize.reducingFactor(w, size.width());
    int fy = Resize.reducingFactor(h, size.height());
    // Whole pixels of the offsets were cropped away already; what is left is below a pixel.
    double[] left = {fraction(alignment.green().dx()), fraction(alignment.green().dy()),
        fraction(alignment.blue().dx()), fraction(alignment.blue().dy())};
    if (fx == 1 && fy == 1) {
      var composite = timer.stage("compose", () -> stack(common, left, 1, 1));
      return timer.stage("resize", () -> Resize.thumbnail(composite.rgb(), w, h, 3, size.width(), size.height()));
    }
    Plane[] reduced = timer.stage("resize", () -> usable(pre, common, fx, fy)
        ? new Plane[] {reduced(pre, 0), reduced(pre, 1), reduced(pre, 2)}
        : new Plane[] {reduce(common[0], fx, fy), reduce(common[1], fx, fy), reduce(common[2], fx, fy)});
    var composite = timer.stage("compose", () -> stack(reduced, left, fx, fy));
    return timer.stage("resize", () -> Resize.fromReduced(composite.rgb(), w, h, 3, fx, fy, size.width(), size.height()));
  }

  /** Planes of one size stacked with the sub-pixel offsets {@code left} (green x, y, blue x, y) scaled to their grid. */
  private static ColourComposer.Composite stack(Plane[] planes, double[] left, int fx, int fy) {
    return ColourComposer.stack(planes[0], planes[1], planes[2], left[0] / fx, left[1] / fy, left[2] / fx,
        left[3] / fy);
  }

  /** The part of an offset below a whole pixel, towards zero, as {@link Shift#wholeX()} leaves it. */
  private static double fraction(double offset) {
    return offset - (int) offset;
  }

  /** Whether {@code pre} holds this very reduce: of these uncropped planes, by these factors. */
  private static boolean usable(Prereduced pre, Plane[] common, int fx, int fy) {
    if (pre == null || pre.fx() != fx || pre.fy() != fy) {
      return false;
    }
    for (int c = 0; c < 3; c++) {
      if (common[c] != pre.planes()[c] || pre.reduced()[c] == null) {
        return false;
      }
    }
    return true;
  }

  private static Plane reduced(Prereduced pre, int c) {
    Plane plane = pre.planes()[c];
    return new Plane(pre.reduced()[c], BoxReduce.reducedSize(plane.width(), pre.fx()),
        BoxReduce.reducedSize(plane.height(), pre.fy()));
  }

  private static Plane reduce(Plane plane, int fx, int fy) {
    return new Plane(BoxReduce.reduce(plane.pixels(), plane.width(), plane.height(), 1, fx, fy),
        BoxReduce.reducedSize(plane.width(), fx), BoxReduce.reducedSize(plane.height(), fy));
  }
}
