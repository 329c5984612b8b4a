package global.lco.thumbs.worker.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock duration of each named render stage, kept in the order the stages ran. Not thread-safe: one per render. */
public final class StageTimer {

  private final Map<String, Long> nanos = new LinkedHashMap<>();

  /** Runs {@code body} and records its duration under {@code name}; a repeated name accumulates. */
  public <T> T stage(String name, Supplier<T> body) {
    long start = System.nanoTime();
    try {
      return body.get();
    } finally {
      nanos.merge(name, System.nanoTime() - start, Long::sum);
    }
  }

  public void stage(String name, Runnable body) {
    stage(name, () -> {
      body.run();
      return null;
    });
  }

  /** Stage durations in whole milliseconds, insertion order. */
  public Map<String, Long> stages() {
    Map<String, Long> ms = new LinkedHashMap<>();
    nanos.forEach((name, ns) -> ms.put(name, ns / 1_000_000));
    return Collections.unmodifiableMap(ms);
  }

  /** Sum of all stages in milliseconds. */
  public long totalMillis() {
    return nanos.values().stream().mapToLong(Long::longValue).sum() / 1_000_000;
  }
}
