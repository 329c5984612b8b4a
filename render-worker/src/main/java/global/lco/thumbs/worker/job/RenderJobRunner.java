package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.fits.UnreadableFitsException;
import global.lco.thumbs.worker.render.MonoRenderer;
import global.lco.thumbs.worker.render.StageTimer;
import java.util.LinkedHashMap;

/**
 * One render from FITS bytes to JPEG, shared by the worker verticle and the command line: decode,
 * then the mono pipeline. Blocking and CPU-bound: call it off the event loop.
 */
public final class RenderJobRunner {
  private final FitsDecoder decoder;

  public RenderJobRunner(long maxPixels) {
    this.decoder = new FitsDecoder(FitsLimits.of(maxPixels));
  }

  /**
   * Heap a render of this file will hold at its peak, from the headers alone: the stored values as
   * nom-tam-fits decodes them, our float copy, the 8-bit image and resize buffers, plus the file.
   *
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS when the headers already show it cannot be rendered
   */
  public long memoryNeeded(byte[] fits) {
    try {
      var shape = decoder.inspect(fits);
      return fits.length + shape.pixels() * (shape.bytesPerStoredPixel() + Float.BYTES + 3L);
    } catch (UnreadableFitsException unreadable) {
      throw Failure.UNREADABLE_FITS.problem(unreadable.getMessage());
    }
  }

  /**
   * @throws global.lco.thumbs.shared.contract.Problem UNREADABLE_FITS with what is wrong with the file
   */
  public RenderedJob render(byte[] fits, RenderParams params) {
    var timer = new StageTimer();
    long decodeStart = System.nanoTime();
    FitsImage image;
    try {
      image = decoder.decode(fits);
    } catch (UnreadableFitsException unreadable) {
      throw Failure.UNREADABLE_FITS.problem(unreadable.getMessage());
    }
    long decodeMillis = (System.nanoTime() - decodeStart) / 1_000_000;
    var rendered = MonoRenderer.render(image.pixels(), image.width(), image.height(), params, timer);
    var stages = new LinkedHashMap<String, Long>();
    stages.put("decode", decodeMillis);
    stages.putAll(timer.stages());
    return new RenderedJob(rendered.jpeg(), rendered.width(), rendered.height(), stages);
  }
}
