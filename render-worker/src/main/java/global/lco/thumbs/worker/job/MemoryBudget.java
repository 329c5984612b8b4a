package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.worker.pixels.FrameArrays;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * Bytes of heap that running renders may hold together. A render reserves its estimate before it
 * decodes and releases it when done; when the budget is spent the render waits for a running one
 * to finish, and when that takes too long the job is refused as busy (another worker may take
 * it) instead of risking an OutOfMemoryError that would take every render down.
 *
 * <p>The budget also keeps the float arrays of finished frames for the next renders
 * ({@link FrameArrays}): a 4k frame's 68 MB array reused instead of allocated and collected at every
 * render. Kept arrays count against the budget: a reservation that needs their room drops them.
 */
public final class MemoryBudget implements FrameArrays {
  private final long limit;
  private long reserved;
  private long kept;
  /** Arrays not in use, most recently given back first. */
  private final ArrayDeque<float[]> idle = new ArrayDeque<>();

  public MemoryBudget(long limitBytes) {
    this.limit = limitBytes;
  }

  /**
   * Reserves {@code bytes} if they fit beside what running renders hold. A render larger than the
   * whole budget never fits (see {@link #canEverHold}): letting it run alone would risk the
   * OutOfMemoryError the budget exists to prevent.
   */
  public boolean tryReserve(long bytes) {
    return tryReserve(bytes, limit);
  }

  /** As {@link #tryReserve(long)}, but only while all reservations together stay within {@code ceiling}. */
  public synchronized boolean tryReserve(long bytes, long ceiling) {
    if (!canEverHold(bytes) || reserved + bytes > Math.min(limit, ceiling)) {
      return false;
    }
    reserved += bytes;
    dropKeptBeyond(limit - reserved);
    return true;
  }

  /**
   * As {@link #tryReserve}, waiting up to {@code timeoutMs} for running renders to release enough;
   * false when they did not (or the render can never fit).
   */
  public synchronized boolean reserve(long bytes, long timeoutMs) throws InterruptedException {
    if (!canEverHold(bytes)) {
      return false;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMs));
    while (reserved + bytes > limit) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    reserved += bytes;
    dropKeptBeyond(limit - reserved);
    return true;
  }

  /** Whether a render of {@code bytes} fits the budget at all, with nothing else running. */
  public boolean canEverHold(long bytes) {
    return bytes <= limit;
  }

  /**
   * @param work what needs the bytes, as a sentence starts: "Rendering this frame"
   * @throws global.lco.thumbs.shared.contract.Problem TOO_LARGE (retryable: a bigger worker may take
   *     it) when {@code bytes} exceed the whole budget
   */
  public void requireCanEverHold(long bytes, String work) {
    if (!canEverHold(bytes)) {
      throw Failure.TOO_LARGE.problem(work + " needs " + (bytes >> 20) + " MiB, more than a worker's render memory"
          + " budget of " + (limit >> 20) + " MiB");
    }
  }

  public synchronized void release(long bytes) {
    reserved -= bytes;
    notifyAll();
  }

  public synchronized long reserved() {
    return reserved;
  }

  /** Bytes of float arrays kept for the next renders. */
  public synchronized long kept() {
    return kept;
  }

  public long limit() {
    return limit;
  }

  /** A kept array of this length (now part of the caller's reservation), or a new one. */
  @Override
  public float[] floats(int length) {
    synchronized (this) {
      for (Iterator<float[]> it = idle.iterator(); it.hasNext(); ) {
        float[] frame = it.next();
        if (frame.length == length) {
          it.remove();
          kept -= bytes(frame);
          return frame;
        }
      }
    }
    return new float[length];
  }

  /**
   * Keeps the array if it fits in the budget beside the reservations, else lets it go. The caller's
   * own reservation still counts the array until it releases, so the array fits when the kept ones
   * and the reservations do.
   */
  @Override
  public synchronized void recycle(float[] frame) {
    if (frame == null || reserved + kept > limit) {
      return;
    }
    idle.addFirst(frame);
    kept += bytes(frame);
  }

  /** Drops the least recently used kept arrays until they take at most {@code room} bytes. */
  private void dropKeptBeyond(long room) {
    while (kept > Math.max(0, room) && !idle.isEmpty()) {
      kept -= bytes(idle.removeLast());
    }
  }

  private static long bytes(float[] frame) {
    return (long) frame.length * Float.BYTES;
  }
}
