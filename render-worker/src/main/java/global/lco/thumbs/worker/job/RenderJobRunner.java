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
