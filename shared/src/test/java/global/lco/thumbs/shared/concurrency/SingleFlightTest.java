package global.lco.thumbs.shared.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SingleFlightTest {
  private final SingleFlight<String, String> flights = new SingleFlight<>();
  private final AtomicInteger started = new AtomicInteger();

  private Future<String> work(Promise<String> promise) {
    started.incrementAndGet();
    return promise.future();
  }

  @Test
  @DisplayName("Callers for a running key share its future; the work starts once")
  void sharesRunningWork() {
    Promise<String> promise = Promise.promise();
    var first = flights.join("k", () -> work(promise));
    var second = flights.join("k", () -> work(Promise.promise()));
    assertThat(second).isSameAs(first);
    assertThat(started).hasValue(1);
    assertThat(flights.running("k")).isSameAs(first);
    promise.complete("done");
    assertThat(second.result()).isEqualTo("done");
  }

  @Test
  @DisplayName("A key is forgotten when its work completes, failed or not, so the next caller starts afresh")
  void forgetsCompletedWork() {
    Promise<String> failing = Promise.promise();
    flights.join("k", () -> work(failing));
    failing.fail("broken");
    assertThat(flights.isEmpty()).isTrue();
    var again = flights.join("k", () -> work(Promise.promise()));
    assertThat(again.isComplete()).isFalse();
    assertThat(started).hasValue(2);
    assertThat(flights.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("Work that has already completed when started is not kept")
  void completedAtOnce() {
    flights.start("k", () -> Future.succeededFuture("now"));
    assertThat(flights.running("k")).isNull();
  }

  @Test
  @DisplayName("Different keys run independently")
  void keysAreIndependent() {
    flights.join("a", () -> work(Promise.promise()));
    flights.join("b", () -> work(Promise.promise()));
    assertThat(started).hasValue(2);
    assertThat(flights.size()).isEqualTo(2);
  }
}
