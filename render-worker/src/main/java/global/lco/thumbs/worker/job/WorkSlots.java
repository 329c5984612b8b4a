package global.lco.thumbs.worker.job;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;

/**
 * Jobs allowed to hold a FITS file at once: one per render thread plus one downloading ahead. An
 * admitted job waits here, holding nothing, until a slot is free; it keeps the slot through its
 * download and render. Without it every admitted job would download at once and hold its file
 * (19 MB for a 4k frame) while it waits for a render thread.
 */
public final class WorkSlots {
  private final int slots;
  private int used;
  private final ArrayDeque<Promise<Void>> waiting = new ArrayDeque<>();

  public WorkSlots(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("at least one slot, got " + slots);
    }
    this.slots = slots;
  }

  /** Completes when the caller holds a slot, first come first served; release it exactly once. */
  public synchronized Future<Void> acquire() {
    if (used < slots) {
      used++;
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.add(promise);
    return promise.future();
  }

  public void release() {
    Promise<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        used--;
        return;
      }
    }
    // The slot passes straight to the next job, outside the lock (its continuation runs now).
    next.complete();
  }

  public synchronized int used() {
    return used;
  }

  public synchronized int waiting() {
    return waiting.size();
  }
}
