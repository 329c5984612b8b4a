package global.lco.thumbs.worker.job;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of heap that running renders may hold together. A render reserves its estimate before it
 * decodes and releases it when done; when the budget is spent the job is refused as busy (another
 * worker may take it) instead of risking an OutOfMemoryError that would take every render down.
 */
public final class MemoryBudget {
  private final long limit;
  private final AtomicLong reserved = new AtomicLong();

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
  public boolean tryReserve(long bytes, long ceiling) {
    while (true) {
      long current = reserved.get();
      if (!canEverHold(bytes) || current + bytes > Math.min(limit, ceiling)) {
        return false;
      }
      if (reserved.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  /** Whether a render of {@code bytes} fits the budget at all, with nothing else running. */
  public boolean canEverHold(long bytes) {
    return bytes <= limit;
  }

  public void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  public long reserved() {
    return reserved.get();
  }

  public long limit() {
    return limit;
  }
}
