package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkSlotsTest {

  @Test
  @DisplayName("Jobs past the slots wait, and each released slot goes to the longest waiting job")
  void waitersGetSlotsInOrder() {
    var slots = new WorkSlots(2);
    assertThat(slots.acquire().succeeded()).isTrue();
    assertThat(slots.acquire().succeeded()).isTrue();
    var third = slots.acquire();
    var fourth = slots.acquire();
    assertThat(third.isComplete()).isFalse();
    assertThat(slots.waiting()).isEqualTo(2);
    slots.release();
    assertThat(third.succeeded()).isTrue();
    assertThat(fourth.isComplete()).isFalse();
    assertThat(slots.used()).as("the slot passed on, still used").isEqualTo(2);
    slots.release();
    assertThat(fourth.succeeded()).isTrue();
    slots.release();
    slots.release();
    assertThat(slots.used()).isZero();
  }

  @Test
  @DisplayName("A job wanting every slot waits for the running ones, is not overtaken by later single ones, and hands on")
  void everySlot() {
    var slots = new WorkSlots(2);
    assertThat(slots.acquire().succeeded()).isTrue();
    var all = slots.acquireAll();
    var later = slots.acquire();
    assertThat(all.isComplete()).isFalse();
    assertThat(later.isComplete()).as("a free slot, but the job wanting all came first").isFalse();
    slots.release();
    assertThat(all.succeeded()).isTrue();
    assertThat(later.isComplete()).isFalse();
    assertThat(slots.used()).isEqualTo(2);
    slots.releaseAll();
    assertThat(later.succeeded()).isTrue();
    assertThat(slots.used()).isEqualTo(1);
    slots.release();
    assertThat(slots.used()).isZero();
  }

  @Test
  @DisplayName("A pool needs at least one slot")
  void atLeastOne() {
    assertThatThrownBy(() -> new WorkSlots(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
