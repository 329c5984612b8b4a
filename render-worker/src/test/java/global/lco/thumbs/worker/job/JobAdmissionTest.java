package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JobAdmissionTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final JobAdmission admission = new JobAdmission(2, ThumbsMetrics.of(registry));
  private final Map<String, Promise<RenderReply>> started = new HashMap<>();

  private Future<RenderReply> execute(RenderJob job) {
    Promise<RenderReply> promise = Promise.promise();
    started.put(job.cacheKey(), promise);
    return promise.future();
  }

  private static RenderJob job(String key) {
    return new RenderJob("request-" + key, key, List.of(new FrameSource(1, "v1", "f.fits", "http://a/f")),
        RenderParams.defaults(), Long.MAX_VALUE, false);
  }

  private static RenderReply reply(String key) {
    return new RenderReply(key, 1, 1, new byte[] {1}, true, Map.of(), "node");
  }

  @Test
  @DisplayName("Up to capacity distinct jobs are admitted, the next is refused as busy, and freed capacity is reused")
  void capacity() {
    assertThat(admission.admit(job("a"), this::execute)).isNotNull();
    assertThat(admission.admit(job("b"), this::execute)).isNotNull();
    assertThat(admission.admit(job("c"), this::execute)).isNull();
    assertThat(registry.get("thumbs.admission.refusals").tag("reason", "busy").counter().count()).isEqualTo(1);
    started.get("a").complete(reply("a"));
    assertThat(admission.running()).isEqualTo(1);
    assertThat(admission.admit(job("c"), this::execute)).isNotNull();
  }

  @Test
  @DisplayName("An identical job joins the running one, even at capacity, and is not executed twice")
  void singleFlight() {
    var first = admission.admit(job("a"), this::execute);
    admission.admit(job("b"), this::execute);
    var again = admission.admit(job("a"), this::execute);
    assertThat(again).isSameAs(first);
    assertThat(started).hasSize(2);
    started.get("a").complete(reply("a"));
    assertThat(again.result().cacheKey()).isEqualTo("a");
  }

  @Test
  @DisplayName("Leaving refuses new jobs; drained completes when the last running job ends")
  void drain() {
    admission.admit(job("a"), this::execute);
    admission.leave();
    assertThat(admission.leaving()).isTrue();
    assertThat(admission.admit(job("b"), this::execute)).isNull();
    var drained = admission.drained(Duration.ofMinutes(1));
    assertThat(drained.isComplete()).isFalse();
    started.get("a").fail(new IllegalStateException("broken"));
    assertThat(drained.succeeded()).isTrue();
    assertThat(admission.drained(Duration.ofMinutes(1)).succeeded()).as("nothing left to wait for").isTrue();
  }
}
