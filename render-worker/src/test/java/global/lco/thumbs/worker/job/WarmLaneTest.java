package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.Lane;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.RenderReply;
import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import global.lco.thumbs.shared.metrics.WarmMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The warm lane of {@link JobAdmission}: warm jobs only on idle render slots, never in a user job's way. */
class WarmLaneTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  /** 2 render slots, 4 user jobs at once; 1 warm job running and 2 waiting at most. */
  private final JobAdmission admission = new JobAdmission(4, 2, new WarmLane.Limits(1, 2),
      ThumbsMetrics.of(registry), WarmMetrics.of(registry).laneGauges());
  private final Map<String, Promise<RenderReply>> started = new HashMap<>();
  private final List<String> executed = new ArrayList<>();

  private Future<RenderReply> execute(RenderJob job) {
    Promise<RenderReply> promise = Promise.promise();
    started.put(job.cacheKey(), promise);
    executed.add(job.cacheKey());
    return promise.future();
  }

  private static RenderJob job(String key, Lane lane) {
    return new RenderJob("request-" + key, key, List.of(new FrameSource(1, "v1", "f.fits", "http://a/f")),
        RenderParams.defaults(), Long.MAX_VALUE, false, lane);
  }

  private static RenderReply reply(String key) {
    return new RenderReply(key, 1, 1, new byte[] {1}, true, Map.of(), "node");
  }

  private Future<RenderReply> user(String key) {
    return admission.admit(job(key, Lane.USER), this::execute);
  }

  private Future<RenderReply> warm(String key) {
    return admission.admit(job(key, Lane.WARM), this::execute);
  }

  @Test
  @DisplayName("A warm job starts at once on an idle worker, and a second waits: one warm render at a time")
  void startsOnIdleSlot() {
    warm("w1");
    warm("w2");
    assertThat(executed).containsExactly("w1");
    started.get("w1").complete(reply("w1"));
    assertThat(executed).containsExactly("w1", "w2");
  }

  @Test
  @DisplayName("Warm jobs wait while any user job is admitted (each render takes every core) and start once none is")
  void waitsForUsers() {
    user("u1");
    user("u2");
    var warm = warm("w1");
    assertThat(warm).as("queued, not refused").isNotNull();
    assertThat(executed).containsExactly("u1", "u2");
    started.get("u1").complete(reply("u1"));
    assertThat(executed).as("a render slot is free, but a user job still runs").containsExactly("u1", "u2");
    started.get("u2").complete(reply("u2"));
    assertThat(executed).containsExactly("u1", "u2", "w1");
    assertThat(registry.get("thumbs.warm.lane.jobs").tag("state", "running").gauge().value()).isEqualTo(1);
  }

  @Test
  @DisplayName("A user job is admitted and started at once while warm jobs run and wait, up to the full user capacity")
  void usersNeverWait() {
    warm("w1");
    warm("w2");
    for (var key : List.of("u1", "u2", "u3", "u4")) {
      assertThat(user(key)).as(key).isNotNull();
    }
    assertThat(executed).containsExactly("w1", "u1", "u2", "u3", "u4");
    assertThat(user("u5")).as("the user capacity, not the warm jobs, sets the limit").isNull();
    assertThat(admission.userJobs()).isEqualTo(4);
  }

  @Test
  @DisplayName("A user job for a key still waiting in the warm lane renders at once, and the warm job gets its result: one render")
  void userTakesOverQueuedWarmJob() {
    warm("w1");
    var queued = warm("same");
    var asked = user("same");
    assertThat(executed).containsExactly("w1", "same");
    started.get("same").complete(reply("same"));
    assertThat(asked.succeeded()).isTrue();
    assertThat(queued.succeeded()).isTrue();
    started.get("w1").complete(reply("w1"));
    assertThat(executed).as("nothing left to start").containsExactly("w1", "same");
  }

  @Test
  @DisplayName("A warm job for a key being rendered joins that render instead of queueing")
  void warmJoinsRunningRender() {
    var asked = user("k");
    assertThat(warm("k")).isSameAs(asked);
    assertThat(executed).containsExactly("k");
  }

  @Test
  @DisplayName("Beyond its waiting room the warm lane refuses as warm_busy; a leaving worker refuses warm jobs still waiting")
  void fullAndLeaving() {
    warm("w1");
    var second = warm("w2");
    var third = warm("w3");
    assertThat(warm("w4")).isNull();
    assertThat(registry.get("thumbs.admission.refusals").tag("reason", "warm_busy").counter().count()).isEqualTo(1);
    admission.leave();
    assertThat(second.failed()).isTrue();
    assertThat(third.failed()).isTrue();
    assertThat(admission.running()).as("the running warm job still drains").isEqualTo(1);
  }

  @Test
  @DisplayName("usersIdle completes at once on an idle worker, else when the last user job ends")
  void usersIdle() {
    assertThat(admission.usersIdle().succeeded()).isTrue();
    user("u1");
    user("u2");
    var idle = admission.usersIdle();
    started.get("u1").complete(reply("u1"));
    assertThat(idle.isComplete()).isFalse();
    started.get("u2").fail("broken");
    assertThat(idle.succeeded()).isTrue();
  }

  @Test
  @DisplayName("A worker with no warm slots refuses every warm job")
  void noWarmSlots() {
    var plain = new JobAdmission(4, ThumbsMetrics.of(new SimpleMeterRegistry()));
    assertThat(plain.admit(job("w", Lane.WARM), this::execute)).isNull();
    var noWarmSlots = new JobAdmission(4, 2, new WarmLane.Limits(0, 8), ThumbsMetrics.of(new SimpleMeterRegistry()), null);
    assertThat(noWarmSlots.admit(job("w", Lane.WARM), this::execute)).as("WARM_CONCURRENCY=0").isNull();
    assertThat(executed).isEmpty();
  }
}
