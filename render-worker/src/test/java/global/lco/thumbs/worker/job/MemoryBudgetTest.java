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
}
