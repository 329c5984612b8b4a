package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.cutout.CutoutRenderer;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.fits.ImageShape;
import global.lco.thumbs.worker.fits.UnreadableFitsException;
import global.lco.thumbs.worker.render.colour.ColourRenderer;
import global.lco.thumbs.worker.render.MonoRenderer;
import global.lco.thumbs.worker.render.BoxReduce;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.RenderedImage;
import global.lco.thumbs.worker.render.Resize;
import global.lco.thumbs.worker.render.Size;
import global.lco.thumbs.worker.tile.TileRenderer;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.render.colour.Channel;
import global.lco.thumbs.worker.pixels.FrameArrays;
import global.lco.thumbs.worker.pixels.Plane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * One render from FITS bytes to JPEG, shared by the worker verticle and the command line: decode,
 * then the mono pipeline, or for colour the three channels then the colour pipeline. Blocking and
 * CPU-bound: call it off the event loop.
 */
public final class RenderJobRunner {
  private static final String[] CHANNEL_NAMES = {"red", "green", "blue"};

  private final FitsDecoder decoder;
  private final FitsLimits limits;
  private final FrameArrays arrays;

  public RenderJobRunner(long maxPixels) {
    this(FitsLimits.of(maxPixels));
  }

  public RenderJobRunner(FitsLimits limits) {
    this(limits, FrameArrays.ALLOCATE);
  }

  /** @param arrays where decoded frames' float arrays come from and go back to once stretched */
  public RenderJobRunner(FitsLimits limits, FrameArrays arrays) {
    this.limits = limits;
    this.decoder = new FitsDecoder(limits, arrays);
    this.arrays = arrays;
  }

  /**
   * Heap a render of this file will hold at its peak, from the headers alone: the file, the
   * decoder's own buffers and the floats, the 8-bit frame and the resize buffers.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS when the headers already show it cannot be rendered
   */
  public long memoryNeeded(byte[] fits, RenderParams params) {
    var shape = shape(fits);
    return fits.length + decoding(shape) + stretched(shape, params, 1);
  }

  /**
   * Pixels of the largest of these images, from their headers.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS when a header already shows it cannot be rendered
   */
  public long largestPixels(List<byte[]> fits) {
    return fits.stream().mapToLong(file -> shape(file).pixels()).max().orElse(0);
  }

  private ImageShape shape(byte[] fits) {
    try {
      return decoder.inspect(fits);
    } catch (UnreadableFitsException unreadable) {
      throw Failure.UNREADABLE_FITS.problem(unreadable.getMessage());
    }
  }

  /** Heap held only while the frame is decoded and stretched: the decoder's buffers and the floats. */
  private static long decoding(ImageShape shape) {
    return shape.decodeOverheadBytes() + shape.pixels() * Float.BYTES;
  }

  /**
   * Heap held from the stretch to the end: the 8-bit frame ({@code planes} of them: a colour
   * channel may be cropped to the common area, a copy) and the resize's buffers, which are small
   * once the box reduce has shrunk the frame and up to a frame's worth without it.
   */
  private static long stretched(ImageShape shape, RenderParams params, int planes) {
    Size size = Resize.fitInside(shape.width(), shape.height(), params.width(), params.height());
    int fx = Resize.reducingFactor(shape.width(), size.width());
    int fy = Resize.reducingFactor(shape.height(), size.height());
    long resize = fx == 1 && fy == 1 ? (long) size.width() * shape.height()
        : 2L * BoxReduce.reducedSize(shape.width(), fx) * BoxReduce.reducedSize(shape.height(), fy);
    return shape.pixels() * planes + resize + (long) size.width() * size.height() * 3;
  }

  /**
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS with what is wrong with the file
   */
  public RenderedJob render(byte[] fits, RenderParams params) {
    return render(fits, params, frame -> { });
  }

  /**
   * As {@link #render(byte[], RenderParams)}, handing the stretched full-resolution frame to
   * {@code keep} (a {@link FrameCache}) before it is resized, so other sizes can be made from it.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS with what is wrong with the file
   */
  public RenderedJob render(byte[] fits, RenderParams params, Consumer<Plane> keep) {
    var timer = new StageTimer();
    FitsImage image = timer.stage("decode", () -> decode(fits, ""));
    var stretched = FrameStretch.stretched(image, params, timer);
    arrays.recycle(image.pixels());
    image = null; // the floats are another render's from here
    keep.accept(stretched.frame());
    var rendered = finishFrame(stretched, params, timer);
    return new RenderedJob(rendered.jpeg(), rendered.width(), rendered.height(), new LinkedHashMap<>(timer.stages()));
  }

  /**
   * A cutout of the frame (SPEC of {@code /cutout/}: {@link CutoutRenderer}); {@code seed} picks the
   * sky sample, so it comes from the frame version to make the bytes reproducible.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS, or BAD_PARAMETER when the box misses the frame
   */
  public RenderedJob cutout(byte[] fits, RenderParams params, long seed) {
    var timer = new StageTimer();
    var decoded = timer.stage("decode", () -> decode(fits, ""));
    var cut = timer.stage("cutout", () -> CutoutRenderer.render(decoded.pixels(), decoded.width(), decoded.height(),
        decoded.orientation(), params.cutout(), params.orientation(), seed));
    arrays.recycle(decoded.pixels());
    var picture = new Picture(cut.pixels(), cut.width(), cut.height(), 1);
    byte[] encoded = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
    return new RenderedJob(encoded, cut.width(), cut.height(), new LinkedHashMap<>(timer.stages()));
  }

  /** The limits its decoder applies. */
  public FitsLimits limits() {
    return limits;
  }

  /** Another size of a frame already stretched (from a {@link FrameCache}): resize, label and encode only. */
  public RenderedJob finish(Plane frame, RenderParams params) {
    var timer = new StageTimer();
    var rendered = finishFrame(new MonoRenderer.Stretched(frame, null, 1, 1), params, timer);
    var stages = new LinkedHashMap<String, Long>();
    stages.put("frameReused", 0L);
    stages.putAll(timer.stages());
    return new RenderedJob(rendered.jpeg(), rendered.width(), rendered.height(), stages);
  }

  /**
   * A thumbnail of the stretched frame, or the IIIF region its params ask for; a size-only request
   * answers the picture's dimensions and no bytes.
   */
  private static RenderedImage finishFrame(MonoRenderer.Stretched stretched, RenderParams params, StageTimer timer) {
    var tile = params.tile();
    if (tile == null) {
      return MonoRenderer.finish(stretched, params, timer);
    }
    Plane frame = stretched.frame();
    if (tile.sizeOnly()) {
      return new RenderedImage(new byte[0], frame.width(), frame.height());
    }
    var picture = timer.stage("tile", () -> TileRenderer.render(frame, tile));
    byte[] encoded = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
    return new RenderedImage(encoded, picture.width(), picture.height());
  }

  /**
   * Heap of a colour render at its peak: the channels are decoded one after another and each file
   * is let go once decoded (see {@link #renderColour}), so the peak is while some channel is
   * decoded (the files still to decode, its floats, the planes already stretched), or at the end
   * (every plane with its cropped copy).
   */
  public long memoryNeeded(List<byte[]> fits, RenderParams params) {
    var shapes = fits.stream().map(this::shape).toList();
    long peak = 0;
    long planesDone = 0;
    for (int c = 0; c < fits.size(); c++) {
      long filesLeft = 0;
      for (int j = c; j < fits.size(); j++) {
        filesLeft += fits.get(j).length;
      }
      peak = Math.max(peak, filesLeft + decoding(shapes.get(c)) + planesDone + shapes.get(c).pixels());
      planesDone += shapes.get(c).pixels();
    }
    long end = 0;
    for (var shape : shapes) {
      end += stretched(shape, params, 2);
    }
    return Math.max(peak, end);
  }

  /**
   * A colour composite of three frames in red, green, blue order (docs/colour.md). The channels are
   * decoded and stretched one after another, each over the whole pixel pool (so only one channel's
   * floats are held at a time), then registered, stacked and encoded. When {@code fits} can be
   * changed, each entry is set to null once its channel is decoded, so the file can be collected
   * during the render.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS naming the channel whose file is wrong
   */
  public RenderedJob renderColour(List<byte[]> fits, RenderParams params) {
    var timer = new StageTimer();
    Channels channels = timer.stage("channels", () -> stretchedChannels(fits, params));
    var c = channels.list();
    var rendered = ColourRenderer.render(c.get(0), c.get(1), c.get(2), params, timer, channels.prereduced()).image();
    return new RenderedJob(rendered.jpeg(), rendered.width(), rendered.height(), timer.stages());
  }

  /**
   * The thumbnail of one frame as it goes to the JPEG encoder, for comparing with the reference
   * renderer's output (JPEG noise would hide small differences).
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS with what is wrong with the file
   */
  public Picture picture(byte[] fits, RenderParams params) {
    FitsImage image = decode(fits, "");
    var timer = new StageTimer();
    var stretched = FrameStretch.stretched(image, params, timer);
    arrays.recycle(image.pixels());
    return MonoRenderer.picture(stretched, params, timer);
  }

  /** As {@link #picture(byte[], RenderParams)} for a colour composite of three frames, red first. */
  public ColourRenderer.Composed colourPicture(List<byte[]> fits, RenderParams params) {
    var timer = new StageTimer();
    Channels channels = stretchedChannels(fits, params);
    var c = channels.list();
    return ColourRenderer.compose(c.get(0), c.get(1), c.get(2), params, timer, channels.prereduced());
  }

  /** The three frames of a colour job, red first, decoded and stretched one after another. */
  public List<Channel> channels(List<byte[]> fits, RenderParams params) {
    return stretchedChannels(fits, params).list();
  }

  /** The stretched channels, and their box reduces when the stretch made them ({@link MonoRenderer#stretchFor}). */
  private record Channels(List<Channel> list, ColourRenderer.Prereduced prereduced) {
  }

  private Channels stretchedChannels(List<byte[]> fits, RenderParams params) {
    if (fits.size() != 3) {
      throw new IllegalArgumentException("a colour render needs 3 frames, got " + fits.size());
    }
    var channels = new ArrayList<Channel>();
    var planes = new Plane[3];
    var reduced = new byte[3][];
    int fx = 1;
    int fy = 1;
    for (int c = 0; c < fits.size(); c++) {
      byte[] file = fits.get(c);
      var stretched = channel(CHANNEL_NAMES[c], file, params);
      channels.add(stretched.channel());
      planes[c] = stretched.channel().plane();
      reduced[c] = stretched.reduced();
      fx = stretched.fx();
      fy = stretched.fy();
      release(fits, c);
    }
    return new Channels(channels, new ColourRenderer.Prereduced(planes, reduced, fx, fy));
  }

  /** Lets go of a decoded file when the caller's list allows it (memoryNeeded counts on it). */
  private static void release(List<byte[]> fits, int index) {
    try {
      fits.set(index, null);
    } catch (UnsupportedOperationException immutable) {
      // the caller keeps its files: nothing to release
    }
  }

  private FrameStretch.StretchedChannel channel(String name, byte[] fits, RenderParams params) {
    FitsImage image = decode(fits, name + " frame: ");
    // Each channel as its own mono frame would be stretched (window, 8 bits, median mode), with
    // the box reduce of the thumbnail made in the same pass in case nothing is cropped later.
    var stretched = FrameStretch.channel(image, params);
    arrays.recycle(image.pixels());
    return stretched;
  }

  /**
   * The file's image; an unreadable one is the UNREADABLE_FITS problem with what is wrong, after
   * {@code prefix} (which frame of a colour set, or nothing).
   */
  private FitsImage decode(byte[] fits, String prefix) {
    try {
      return decoder.decode(fits);
    } catch (UnreadableFitsException unreadable) {
      throw Failure.UNREADABLE_FITS.problem(prefix + unreadable.getMessage());
    }
  }
}
