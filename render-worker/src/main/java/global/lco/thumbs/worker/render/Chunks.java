package global.lco.thumbs.worker.render;

/**
 * Views a flat byte array as fixed-size pseudo-rows so shape-agnostic passes (histogram, lookup
 * table) can still be split by {@link RowBands}; the last chunk may be short.
 */
final class Chunks {

  static final int SIZE = 4096;

  private Chunks() {
  }

  static int count(int length) {
    return (length + SIZE - 1) / SIZE;
  }

  /** Exclusive end offset of chunk range ending before chunk {@code toChunk}. */
  static int end(int toChunk, int length) {
    return (int) Math.min((long) toChunk * SIZE, length);
  }
}
