package global.lco.thumbs.worker.render;

import global.lco.thumbs.worker.pixels.RowBands;

/**
 * 256-bin histogram of an 8-bit image and the order statistics read from it: a median or
 * percentile of N bytes in O(N) instead of sorting.
 */
final class ByteHistogram {

  private final long[] bins;
  private final long total;

  private ByteHistogram(long[] bins, long total) {
    this.bins = bins;
    this.total = total;
  }

  /** Counts all bytes of {@code img}, chunks in parallel then merged. */
  static ByteHistogram of(byte[] img) {
    int chunks = Chunks.count(img.length);
    int bands = Math.max(1, RowBands.count(chunks, Chunks.SIZE));
    long[][] partial = new long[bands][256];
    RowBands.run(chunks, Chunks.SIZE, (band, from, to) -> {
      long[] bins = partial[band];
      int end = Chunks.end(to, img.length);
      for (int i = from * Chunks.SIZE; i < end; i++) {
        bins[img[i] & 0xFF]++;
      }
    });
    long[] merged = new long[256];
    for (long[] p : partial) {
      for (int v = 0; v < 256; v++) {
        merged[v] += p[v];
      }
    }
    return new ByteHistogram(merged, img.length);
  }

  /** A histogram already counted elsewhere (e.g. while stretching). */
  static ByteHistogram ofBins(long[] bins) {
    long total = 0;
    for (long count : bins) {
      total += count;
    }
    return new ByteHistogram(bins.clone(), total);
  }

  long total() {
    return total;
  }

  /** The k-th smallest value (0-based), as an index into the sorted image. */
  int kth(long k) {
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += bins[v];
      if (seen > k) {
        return v;
      }
    }
    throw new IllegalArgumentException("k=" + k + " outside 0.." + (total - 1));
  }

  /** numpy median: the mean of the two middle values for an even count. */
  double median() {
    long mid = total / 2;
    return (total & 1) == 1 ? kth(mid) : (kth(mid - 1) + kth(mid)) / 2.0;
  }
}
