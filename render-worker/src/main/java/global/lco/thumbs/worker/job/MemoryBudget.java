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
   * Reserves {@code bytes} if they fit. A single render larger than the whole budget is still let
   * through when nothing else runs, so a big frame is slow rather than impossible.
   */
  public boolean tryReserve(long bytes) {
    while (true) {
      long current = reserved.get();
      boolean fits = current + bytes <= limit || current == 0;
      if (!fits) {
        return false;
      }
      if (reserved.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
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
