package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.Plane;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker's bounded, least-recently-used store of stretched full-resolution frames. The archive
 * UI asks for two sizes of the same frame in a row (200×200, then 4000×4000); the gateway sends
 * both to the same worker, and the second is finished from the kept frame: no download, no decode,
 * no stretch. Only the 8-bit frame is kept (one byte a pixel, a quarter of the decoded floats).
 * Thread-safe: looked up on the event loop, filled from render threads.
 */
public final class FrameCache {

  /**
   * What a stretched frame depends on: the pixels (frame id and version), the two stretch
   * parameters, the orientation and planet mode (with the target, which picks its gain); size,
   * label, quality and format are applied after it.
   */
  public record Key(long frameId, String version, boolean median, double percentile, OrientationMode orientation,
                    String planetTarget) {

    /**
     * The key of a mono job's frame, or null when the frame has no version to tell its pixels apart
     * (or the job is a cutout, which is made from the floats).
     */
    public static Key of(FrameSource frame, RenderParams params) {
      if (frame.version() == null || frame.version().isEmpty() || params.cutout() != null) {
        return null;
      }
      // Without median mode the percentile is unused, so all percentiles share one frame.
      return new Key(frame.id(), frame.version(), params.median(), params.median() ? params.percentile() : 0,
          params.orientation(), params.planet() ? params.target() : null);
    }
  }

  private final long capacityBytes;
  private final LinkedHashMap<Key, Plane> frames = new LinkedHashMap<>(16, 0.75f, true);
  private long usedBytes;
  private long hits;
  private long misses;

  /** @param capacityBytes bytes of frames kept at most; 0 keeps nothing */
  public FrameCache(long capacityBytes) {
    if (capacityBytes < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacityBytes);
    }
    this.capacityBytes = capacityBytes;
  }

  /** The kept frame, now the most recently used, or null. */
  public synchronized Plane get(Key key) {
    Plane frame = key == null ? null : frames.get(key);
    if (frame == null) {
      misses++;
    } else {
      hits++;
    }
    return frame;
  }

  /** Keeps {@code frame}, evicting the least recently used ones; a frame larger than the whole cache is not kept. */
  public synchronized void put(Key key, Plane frame) {
    long size = frame.pixels().length;
    if (key == null || size > capacityBytes) {
      return;
    }
    Plane old = frames.put(key, frame);
    usedBytes += size - (old == null ? 0 : old.pixels().length);
    Iterator<Map.Entry<Key, Plane>> eldest = frames.entrySet().iterator();
    while (usedBytes > capacityBytes && eldest.hasNext()) {
      var entry = eldest.next();
      if (entry.getKey().equals(key)) {
        continue;
      }
      usedBytes -= entry.getValue().pixels().length;
      eldest.remove();
    }
  }

  public synchronized long usedBytes() {
    return usedBytes;
  }

  public synchronized int size() {
    return frames.size();
  }

  public synchronized long hits() {
    return hits;
  }

  public synchronized long misses() {
    return misses;
  }

  public long capacityBytes() {
    return capacityBytes;
  }
}
