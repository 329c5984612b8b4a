package global.lco.thumbs.gateway.backfill;

/** At most {@code perSecond} starts a second, evenly spaced (no bursts after a pause). Thread-safe. */
final class RateLimit {
  private final long intervalNanos;
  private long next = System.nanoTime();

  RateLimit(double perSecond) {
    this.intervalNanos = (long) (1e9 / perSecond);
  }

  void acquire() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      next = Math.max(next, now);
      wait = next - now;
      next += intervalNanos;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }
}
