package global.lco.thumbs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import global.lco.thumbs.archive.broker.LocalBroker;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm benchmark as the issue asks for it, with a real broker: a 500-frame backlog announced
 * while users keep asking, then a broker restart mid-stream. Prints the figures (in
 * bench/target/failsafe-reports/global.lco.thumbs.bench.WarmBacklogIT-output.txt), among them users'
 * p99 during the backlog against the idle service's (a timing, so printed, not asserted: the goal of
 * 1.5× is judged from the benchmark's runs), and checks what must hold whatever the machine's load:
 * the backlog really pending for the whole users' phase, no user error, nothing lost across the
 * restart.
 */
class WarmBacklogIT {

  @Test
  @DisplayName("Users are served without error during a 500-frame warm backlog (p99 printed); a broker restart loses nothing")
  void backlog(@TempDir Path dir) throws Exception {
    var unavailable = LocalBroker.unavailable();
    if (unavailable != null) {
      System.out.println("skip: WarmBacklogIT: " + unavailable);
    }
    assumeTrue(unavailable == null, unavailable);
    var options = WarmBench.Options.parse(new String[] {"--out", dir.toString(), "--frames", "500", "--seconds", "10"});

    var report = WarmBench.run(options, System.out);

    assertThat(report.leftAfterPhase()).as("backlog frames still waiting when the users' phase ended").isPositive();
    assertThat(report.idle().errors() + report.backlog().errors() + report.idleAfter().errors()).as("users' errors").isZero();
    assertThat(report.backlog().requests()).isGreaterThan(100);
    System.out.printf("users' p99 during the backlog %.1f ms, idle %.1f before and %.1f after: %.2fx the larger%n",
        report.backlog().p99(), report.idle().p99(), report.idleAfter().p99(),
        report.backlog().p99() / Math.max(report.idle().p99(), report.idleAfter().p99()));
    assertThat(report.restartHits()).as("restart frames found stored").isEqualTo(report.restartFrames());
  }
}
