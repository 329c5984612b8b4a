package global.lco.thumbs.worker.pixels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RowBandsTest {

  @Test
  @DisplayName("Bands of a large image cover every row exactly once")
  void coversEveryRowOnce() {
    int rows = 4000;
    AtomicIntegerArray hits = new AtomicIntegerArray(rows);
    RowBands.run(rows, 1000, (band, from, to) -> {
      for (int r = from; r < to; r++) {
        hits.incrementAndGet(r);
      }
    });
    for (int r = 0; r < rows; r++) {
      assertThat(hits.get(r)).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("A small image runs as one band on the calling thread")
  void smallImageInline() {
    Thread caller = Thread.currentThread();
    Thread[] ran = new Thread[1];
    RowBands.run(100, 100, (band, from, to) -> ran[0] = Thread.currentThread());
    assertThat(RowBands.count(100, 100)).isEqualTo(1);
    assertThat(ran[0]).isSameAs(caller);
  }

  @Test
  @DisplayName("An exception in a band propagates to the caller")
  void exceptionPropagates() {
    assertThatThrownBy(() -> RowBands.run(4000, 1000, (band, from, to) -> {
      if (band == 1) {
        throw new IllegalStateException("band failed");
      }
    })).hasMessageContaining("band failed");
  }
}
