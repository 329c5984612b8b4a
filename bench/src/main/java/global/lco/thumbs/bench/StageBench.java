package global.lco.thumbs.bench;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.render.JpegEncoder;
import global.lco.thumbs.worker.render.Label;
import global.lco.thumbs.worker.render.MedianMode;
import global.lco.thumbs.worker.render.Resize;
import global.lco.thumbs.worker.render.Size;
import global.lco.thumbs.worker.render.Stretch;
import global.lco.thumbs.worker.render.Window;
import global.lco.thumbs.worker.pixels.Plane;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;
import nom.tam.image.compression.hdu.CompressedImageHDU;

/**
 * Render timings of one frame, in one JVM run: every stage on its own, the whole render through
 * {@link RenderJobRunner} (cold: decoded from the file each time), and the reference it is judged
 * against, a bare nom-tam-fits decode of the same file to its kernel array. Each iteration runs
 * all of them back to back, so machine noise hits them alike and the ratios hold better than the
 * absolute times.
 */
final class StageBench {

  static final RenderParams PARAMS = new RenderParams(500, 500, "", false, 99.5, 80);
  static final RenderParams MEDIAN = new RenderParams(500, 500, "", true, 99.5, 80);
  static final RenderParams SMALL = new RenderParams(200, 200, "", false, 99.5, 80);
  static final String[] STAGES = {"fetch", "decode", "window", "scale+gamma", "median", "flip+resize", "label",
      "encode", "store"};

  /** Medians in milliseconds; {@code allocated*} in bytes (every thread), an upper bound of the heap a render adds. */
  record Result(BenchFrames.Frame frame, Map<String, Double> stages, double bareDecode, double mono, double median,
                double reuse, double colour, double bareDecode3, long allocatedMono, long allocatedMedian,
                long sampledPeakMono) {

    double monoRatio() {
      return mono / bareDecode;
    }

    /** Against our own decode (the {@code decode} stage), which for RICE frames is faster than nom-tam's: no target, shown for honesty. */
    double monoOverOwnDecode() {
      return mono / stages.get("decode");
    }

    double medianRatio() {
      return median / bareDecode;
    }

    double colourRatio() {
      return colour / bareDecode3;
    }

    double heapRatio() {
      return (double) Math.max(allocatedMono, allocatedMedian) / frame.decodedBytes();
    }
  }

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final RenderJobRunner runner = new RenderJobRunner(FitsLimits.of(Long.MAX_VALUE));
  private final FitsDecoder decoder = new FitsDecoder(FitsLimits.of(Long.MAX_VALUE));

  /**
   * @param fetch downloads the file from the archive (timed as the fetch stage)
   * @param store stores a JPEG (timed as the store stage)
   */
  Result run(BenchFrames.Frame frame, Supplier<byte[]> fetch, Consumer<byte[]> store, int warmup, int iterations,
             boolean colour) {
    byte[] fits = fetch.get();
    var samples = new LinkedHashMap<String, double[]>();
    for (String name : STAGES) {
      samples.put(name, new double[iterations]);
    }
    double[] bare = new double[iterations];
    double[] mono = new double[iterations];
    double[] median = new double[iterations];
    double[] reuse = new double[iterations];
    double[] colourMs = new double[colour ? iterations : 0];
    double[] bare3 = new double[colour ? iterations : 0];
    for (int i = -warmup; i < iterations; i++) {
      int at = Math.max(i, 0);
      boolean keep = i >= 0;
      stages(fits, fetch, store, keep ? samples : null, at);
      record(bare, at, keep, time(() -> bareDecode(fits)));
      record(mono, at, keep, time(() -> runner.render(fits, PARAMS)));
      record(median, at, keep, time(() -> runner.render(fits, MEDIAN)));
      var kept = new AtomicReference<Plane>();
      runner.render(fits, PARAMS, kept::set);
      record(reuse, at, keep, time(() -> runner.finish(kept.get(), SMALL)));
      if (colour) {
        record(colourMs, at, keep, time(() -> runner.renderColour(List.of(fits, fits, fits), PARAMS)));
        record(bare3, at, keep, time(() -> parallelBareDecodes(fits, 3)));
      }
    }
    var stageMedians = new LinkedHashMap<String, Double>();
    samples.forEach((name, ms) -> stageMedians.put(name, Stats.median(ms)));
    return new Result(frame, stageMedians, Stats.median(bare), Stats.median(mono), Stats.median(median),
        Stats.median(reuse), colour ? Stats.median(colourMs) : Double.NaN,
        colour ? Stats.median(bare3) : Double.NaN,
        allocated(() -> runner.render(fits, PARAMS)), allocated(() -> runner.render(fits, MEDIAN)),
        HeapSampler.peakGrowth(() -> runner.render(fits, PARAMS)));
  }

  /** One pass through the stages, each timed on its own (the whole render is timed separately, through the runner). */
  private void stages(byte[] file, Supplier<byte[]> fetch, Consumer<byte[]> store, Map<String, double[]> into, int at) {
    var t = new LinkedHashMap<String, Double>();
    timed(t, "fetch", fetch);
    FitsImage image = timed(t, "decode", () -> decode(file));
    float[] px = image.pixels();
    int w = image.width();
    int h = image.height();
    Window window = timed(t, "window", () -> Stretch.window(px, w, h));
    byte[] img = timed(t, "scale+gamma", () -> Stretch.toBytes(px, w, h, window, true));
    byte[] copy = img.clone();
    timed(t, "median", () -> {
      MedianMode.apply(copy, MEDIAN.percentile());
      return copy;
    });
    Size size = Resize.fitInside(w, h, PARAMS.width(), PARAMS.height());
    byte[] small = timed(t, "flip+resize", () -> Resize.thumbnail(img, w, h, 1, size.width(), size.height()));
    timed(t, "label", () -> {
      Label.draw(small, size.width(), size.height(), 1, "cpt1m012-fl10-20151216-0073-e00");
      return small;
    });
    byte[] jpeg = timed(t, "encode", () -> JpegEncoder.encode(small, size.width(), size.height(), 1, PARAMS.quality()));
    timed(t, "store", () -> {
      store.accept(jpeg);
      return jpeg;
    });
    if (into != null) {
      t.forEach((name, ms) -> into.get(name)[at] = ms);
    }
  }

  private FitsImage decode(byte[] file) {
    try {
      return decoder.decode(file);
    } catch (Exception unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  /** The reference: nom-tam-fits from the bytes to the image's kernel array, as its own API gives it, nothing else. */
  static Object bareDecode(byte[] file) {
    try (Fits fits = new Fits(new ByteArrayInputStream(file))) {
      for (BasicHDU<?> hdu = fits.readHDU(); hdu != null; hdu = fits.readHDU()) {
        if (hdu instanceof CompressedImageHDU compressed) {
          return compressed.asImageHDU().getKernel();
        }
        if (hdu.getAxes() != null && hdu.getAxes().length >= 2) {
          return hdu.getKernel();
        }
      }
      throw new IllegalStateException("no image in the benchmark file");
    } catch (Exception broken) {
      throw new IllegalStateException(broken);
    }
  }

  /** {@code n} bare decodes at once, one thread each: what a colour render's three downloads cost to decode. */
  static void parallelBareDecodes(byte[] file, int n) {
    var threads = new ArrayList<Thread>();
    for (int i = 0; i < n; i++) {
      threads.add(Thread.ofPlatform().start(() -> bareDecode(file)));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
    }
  }

  static long allocated(Runnable body) {
    long before = THREADS.getTotalThreadAllocatedBytes();
    body.run();
    return THREADS.getTotalThreadAllocatedBytes() - before;
  }

  private static <T> T timed(Map<String, Double> into, String name, Supplier<T> body) {
    long start = System.nanoTime();
    T result = body.get();
    into.put(name, Stats.millis(System.nanoTime() - start));
    return result;
  }

  private static double time(Runnable body) {
    long start = System.nanoTime();
    body.run();
    return Stats.millis(System.nanoTime() - start);
  }

  private static void record(double[] into, int at, boolean keep, double value) {
    if (keep) {
      into[at] = value;
    }
  }
}
