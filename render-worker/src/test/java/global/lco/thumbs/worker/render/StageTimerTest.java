package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StageTimerTest {

  @Test
  @DisplayName("A timed stage returns its body's value and is recorded under its name")
  void returnsValue() {
    StageTimer timer = new StageTimer();
    assertThat(timer.stage("answer", () -> 42)).isEqualTo(42);
    assertThat(timer.stages()).containsKey("answer");
  }

  @Test
  @DisplayName("Stages keep the order in which they ran")
  void insertionOrder() {
    StageTimer timer = new StageTimer();
    timer.stage("b", () -> { });
    timer.stage("a", () -> { });
    timer.stage("c", () -> { });
    assertThat(timer.stages().keySet()).containsExactly("b", "a", "c");
  }

  @Test
  @DisplayName("A stage that throws is still recorded")
  void recordsOnFailure() {
    StageTimer timer = new StageTimer();
    try {
      timer.stage("boom", () -> {
        throw new IllegalStateException("x");
      });
    } catch (IllegalStateException expected) {
      // the timing is what this test is about
    }
    assertThat(timer.stages()).containsKey("boom");
  }
}
