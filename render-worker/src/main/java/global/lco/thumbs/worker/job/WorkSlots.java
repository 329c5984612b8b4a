package global.lco.thumbs.worker.job;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * Jobs allowed to hold a FITS file at once: one per render thread plus one downloading ahead. An
 * admitted job waits here, holding nothing, until a slot is free; it keeps the slot through its
 * download and render. Without it every admitted job would download at once and hold its file
 * (19 MB for a 4k frame) while it waits for a render thread. A job that needs the worker to itself
 * (an IIIF colour composite's build: three files, then most of the render budget) takes every
 * slot ({@link #acquireAll}). Waiters are served first come, first served: a job wanting every slot
 * is not overtaken by later single ones.
 */
public final class WorkSlots {
  private final int slots;
  private int used;
  private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();

  private record Waiter(int count, Promise<Void> promise) {
  }

  public WorkSlots(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("at least one slot, got " + slots);
    }
    this.slots = slots;
  }

  /** Completes when the caller holds a slot; give it back with {@link #release()} exactly once. */
  public Future<Void> acquire() {
    return acquire(1);
  }

  /** Completes when the caller holds every slot; give them back with {@link #releaseAll()} exactly once. */
  public Future<Void> acquireAll() {
    return acquire(slots);
  }

  private synchronized Future<Void> acquire(int count) {
    if (waiting.isEmpty() && used + count <= slots) {
      used += count;
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiting.add(new Waiter(count, promise));
    return promise.future();
  }

  public void release() {
    release(1);
  }

  public void releaseAll() {
    release(slots);
  }

  private void release(int count) {
    var granted = new ArrayList<Promise<Void>>();
    synchronized (this) {
      used -= count;
      while (!waiting.isEmpty() && used + waiting.peek().count() <= slots) {
        var next = waiting.poll();
        used += next.count();
        granted.add(next.promise());
      }
    }
    // The slots pass straight to the next jobs, outside the lock (their continuations run now).
    granted.forEach(Promise::complete);
  }

  public synchronized int used() {
    return used;
  }

  public synchronized int waiting() {
    return waiting.size();
  }

  public int capacity() {
    return slots;
  }
}
