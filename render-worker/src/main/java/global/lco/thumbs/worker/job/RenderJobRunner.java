package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.cutout.CutoutRenderer;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.fits.UnreadableFitsException;
import global.lco.thumbs.worker.render.colour.ColourRenderer;
import global.lco.thumbs.worker.render.MonoRenderer;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.RenderedImage;
import global.lco.thumbs.worker.tile.TileRenderer;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.render.colour.Channel;
import global.lco.thumbs.worker.pixels.Plane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * One render from FITS bytes to JPEG, shared by the worker verticle and the command line: decode,
 * then the mono pipeline, or for colour the three channels then the colour pipeline. Blocking and
 * CPU-bound: call it off the event loop.
 */
public final class RenderJobRunner {
  private static final String[] CHANNEL_NAMES = {"red", "green", "blue"};

  /** Daemon threads: a channel never keeps a command-line JVM alive. */
  private static final ThreadFactory CHANNEL_THREADS = Thread.ofPlatform().daemon().name("thumbs-colour-", 0).factory();

  private final FitsDecoder decoder;
  private final FitsLimits limits;

  public RenderJobRunner(long maxPixels) {
    this(FitsLimits.of(maxPixels));
  }

  public RenderJobRunner(FitsLimits limits) {
    this.limits = limits;
    this.decoder = new FitsDecoder(limits);
  }

  /**
   * Heap a render of this file will hold at its peak, from the headers alone: the decoder's own
   * buffers, the floats, the 8-bit image and resize buffers, plus the file.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS when the headers already show it cannot be rendered
   */
  public long memoryNeeded(byte[] fits) {
    try {
      var shape = decoder.inspect(fits);
      return fits.length + shape.decodeOverheadBytes() + shape.pixels() * (Float.BYTES + 3L);
    } catch (UnreadableFitsException unreadable) {
      throw Failure.UNREADABLE_FITS.problem(unreadable.getMessage());
    }
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
    Plane frame = FrameStretch.plane(image, params, timer);
    image = null; // the floats are garbage from here: let a collection during resize reclaim them
    keep.accept(frame);
    var rendered = finishFrame(frame, params, timer);
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
    var rendered = finishFrame(frame, params, timer);
    var stages = new LinkedHashMap<String, Long>();
    stages.put("frameReused", 0L);
    stages.putAll(timer.stages());
    return new RenderedJob(rendered.jpeg(), rendered.width(), rendered.height(), stages);
  }

  /**
   * A thumbnail of the stretched frame, or the IIIF region its params ask for; a size-only request
   * answers the picture's dimensions and no bytes.
   */
  private static RenderedImage finishFrame(Plane frame, RenderParams params, StageTimer timer) {
    var tile = params.tile();
    if (tile == null) {
      return MonoRenderer.finish(frame, params, timer);
    }
    if (tile.sizeOnly()) {
      return new RenderedImage(new byte[0], frame.width(), frame.height());
    }
    var picture = timer.stage("tile", () -> TileRenderer.render(frame, tile));
    byte[] encoded = timer.stage("encode", () -> picture.encode(params.format(), params.quality()));
    return new RenderedImage(encoded, picture.width(), picture.height());
  }

  /** Heap of a colour render: the three channels are decoded and stretched at the same time. */
  public long memoryNeeded(List<byte[]> fits) {
    return fits.stream().mapToLong(this::memoryNeeded).sum();
  }

  /**
   * A colour composite of three frames in red, green, blue order (docs/colour.md). The channels are
   * decoded and stretched on three threads at once (each stretch also spreads over the row-band
   * pool), then registered, stacked and encoded.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS naming the channel whose file is wrong
   */
  public RenderedJob renderColour(List<byte[]> fits, RenderParams params) {
    var timer = new StageTimer();
    List<Channel> channels = timer.stage("channels", () -> channels(fits, params));
    var rendered = ColourRenderer.render(channels.get(0), channels.get(1), channels.get(2), params, timer).image();
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
    return MonoRenderer.picture(FrameStretch.plane(image, params, timer), params, timer);
  }

  /** As {@link #picture(byte[], RenderParams)} for a colour composite of three frames, red first. */
  public ColourRenderer.Composed colourPicture(List<byte[]> fits, RenderParams params) {
    var timer = new StageTimer();
    List<Channel> channels = channels(fits, params);
    return ColourRenderer.compose(channels.get(0), channels.get(1), channels.get(2), params, timer);
  }

  /** The three frames of a colour job, red first, decoded and stretched on three threads at once. */
  public List<Channel> channels(List<byte[]> fits, RenderParams params) {
    if (fits.size() != 3) {
      throw new IllegalArgumentException("a colour render needs 3 frames, got " + fits.size());
    }
    try (var pool = Executors.newThreadPerTaskExecutor(CHANNEL_THREADS)) {
      var pending = new ArrayList<Future<Channel>>();
      for (int c = 0; c < fits.size(); c++) {
        String name = CHANNEL_NAMES[c];
        byte[] file = fits.get(c);
        pending.add(pool.submit(() -> channel(name, file, params)));
      }
      var channels = new ArrayList<Channel>();
      for (var channel : pending) {
        channels.add(result(channel));
      }
      return channels;
    }
  }

  private Channel channel(String name, byte[] fits, RenderParams params) {
    return FrameStretch.channel(decode(fits, name + " frame: "), params);
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

  private static Channel result(Future<Channel> channel) {
    try {
      return channel.get();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering a colour channel", interrupted);
    } catch (ExecutionException failed) {
      // Keep the channel's own failure (a Problem, an OutOfMemoryError) rather than the wrapper.
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failed.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(failed.getCause());
    }
  }
}
