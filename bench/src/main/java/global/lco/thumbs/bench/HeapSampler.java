package global.lco.thumbs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap growth during one call, sampled every millisecond after a collection. Garbage not yet
 * collected counts too, so this over-states the live peak unless a collection runs mid-call; the
 * allocated-bytes figure is the firm upper bound, this one is the second opinion.
 */
final class HeapSampler {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private HeapSampler() {
  }

  static long peakGrowth(Runnable body) {
    System.gc();
    long baseline = MEMORY.getHeapMemoryUsage().getUsed();
    var peak = new AtomicLong(baseline);
    var running = new AtomicBoolean(true);
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      while (running.get()) {
        peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(1);
        } catch (InterruptedException stop) {
          return;
        }
      }
    });
    try {
      body.run();
    } finally {
      running.set(false);
    }
    try {
      sampler.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
    return peak.get() - baseline;
  }
}
