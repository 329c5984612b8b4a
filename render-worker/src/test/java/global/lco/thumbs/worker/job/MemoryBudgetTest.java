package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  @Test
  @DisplayName("Renders are admitted while their estimates fit together, and released")
  void reservesWhatFits() {
    var budget = new MemoryBudget(100);
    assertThat(budget.tryReserve(60)).isTrue();
    assertThat(budget.tryReserve(50)).as("60 + 50 > 100").isFalse();
    assertThat(budget.tryReserve(40)).isTrue();
    budget.release(60);
    assertThat(budget.reserved()).isEqualTo(40);
    assertThat(budget.tryReserve(60)).isTrue();
  }

  @Test
  @DisplayName("A render larger than the whole budget is never admitted, even on an idle worker")
  void neverAdmitsMoreThanTheWhole() {
    var budget = new MemoryBudget(100);
    assertThat(budget.canEverHold(100)).isTrue();
    assertThat(budget.canEverHold(101)).isFalse();
    assertThat(budget.tryReserve(101)).isFalse();
    assertThat(budget.reserved()).isZero();
  }

  @Test
  @DisplayName("A render that does not fit waits for a running one to release, and gives up after its timeout")
  void waitsForRoom() throws Exception {
    var budget = new MemoryBudget(100);
    assertThat(budget.tryReserve(80)).isTrue();
    assertThat(budget.reserve(40, 50)).as("nothing released within 50 ms").isFalse();
    var releaser = Thread.ofPlatform().start(() -> {
      sleep(100);
      budget.release(80);
    });
    long start = System.nanoTime();
    assertThat(budget.reserve(40, 10_000)).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).as("waited for the release").isGreaterThanOrEqualTo(90);
    releaser.join();
    assertThat(budget.reserved()).isEqualTo(40);
    assertThat(budget.reserve(101, 10_000)).as("never fits: no wait").isFalse();
  }

  @Test
  @DisplayName("A frame's array given back is handed out again for the same length, and never kept past the budget")
  void keepsArraysWithinTheBudget() {
    var budget = new MemoryBudget(100);
    assertThat(budget.tryReserve(40)).isTrue();
    float[] frame = budget.floats(10);
    budget.recycle(frame);
    assertThat(budget.kept()).isEqualTo(40);
    budget.release(40);
    assertThat(budget.floats(11)).as("another length: a new array").isNotSameAs(frame).hasSize(11);
    assertThat(budget.tryReserve(40)).isTrue();
    assertThat(budget.floats(10)).isSameAs(frame);
    assertThat(budget.kept()).isZero();
    budget.recycle(frame);
    budget.release(40);
    assertThat(budget.tryReserve(80)).as("the kept array makes room").isTrue();
    assertThat(budget.kept()).isZero();
    budget.recycle(new float[10]);
    assertThat(budget.kept()).as("given back from within the 80 reserved").isEqualTo(40);
    budget.recycle(new float[10]);
    assertThat(budget.kept()).as("80 reserved + 40 kept leave no room for another").isEqualTo(40);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
