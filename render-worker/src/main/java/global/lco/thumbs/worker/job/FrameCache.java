package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.tile.RgbFrame;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's bounded, least-recently-used store of stretched full-resolution frames. The archive
 * UI asks for two sizes of the same frame in a row (200×200, then 4000×4000); the gateway sends
 * both to the same worker, and the second is finished from the kept frame: no download, no decode,
 * no stretch. Only the 8-bit frame is kept (one byte a pixel, a quarter of the decoded floats).
 * IIIF colour composites are kept here too ({@link CompositeKey}, three bytes a pixel), sharing the
 * capacity and the eviction order with frames. Thread-safe: looked up on the event loop, filled from
 * render threads.
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

  /**
   * What a colour composite depends on: its three frames' keys, red, green, blue (the alignment and
   * the common area follow from their pixels).
   */
  public record CompositeKey(Key red, Key green, Key blue) {

    /** The key of a colour job's composite, or null when a frame's pixels cannot be told apart (see {@link Key#of}). */
    public static CompositeKey of(List<FrameSource> frames, RenderParams params) {
      if (frames.size() != 3) {
        return null;
      }
      var red = Key.of(frames.get(0), params);
      var green = Key.of(frames.get(1), params);
      var blue = Key.of(frames.get(2), params);
      return red == null || green == null || blue == null ? null : new CompositeKey(red, green, blue);
    }
  }

  /** A kept picture and the heap it holds. */
  private record Kept(Object picture, long bytes) {
  }

  private final long capacityBytes;
  private final LinkedHashMap<Object, Kept> frames = new LinkedHashMap<>(16, 0.75f, true);
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
    return (Plane) lookup(key);
  }

  /** The kept composite, now the most recently used, or null. */
  public synchronized RgbFrame get(CompositeKey key) {
    return (RgbFrame) lookup(key);
  }

  /** Keeps {@code frame}, evicting the least recently used ones; a frame larger than the whole cache is not kept. */
  public synchronized void put(Key key, Plane frame) {
    keep(key, frame, frame.pixels().length);
  }

  /** Keeps {@code composite} as {@link #put(Key, Plane)} keeps a frame. */
  public synchronized void put(CompositeKey key, RgbFrame composite) {
    keep(key, composite, composite.bytes());
  }

  private Object lookup(Object key) {
    Kept kept = key == null ? null : frames.get(key);
    if (kept == null) {
      misses++;
      return null;
    }
    hits++;
    return kept.picture();
  }

  private void keep(Object key, Object picture, long size) {
    if (key == null || size > capacityBytes) {
      return;
    }
    Kept old = frames.put(key, new Kept(picture, size));
    usedBytes += size - (old == null ? 0 : old.bytes());
    Iterator<Map.Entry<Object, Kept>> eldest = frames.entrySet().iterator();
    while (usedBytes > capacityBytes && eldest.hasNext()) {
      var entry = eldest.next();
      if (entry.getKey().equals(key)) {
        continue;
      }
      usedBytes -= entry.getValue().bytes();
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
