package global.lco.thumbs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness runs end to end on a small frame; what it measures is not judged here (only by running it). */
class BenchSmokeTest {

  @Test
  @DisplayName("A smoke run starts the service jar, times every kind of request and load level, the stages, and draws the figure")
  void smokeRun(@TempDir Path dir) throws Exception {
    var out = new ByteArrayOutputStream();
    var options = BenchMain.Options.parse(new String[] {"--smoke", "--stages", "--out", dir.toString(),
        "--service-jar", "../app/target/thumbs.jar", "--warmup", "0", "--iterations", "1",
        "--hit-seconds", "0.2", "--load-seconds", "0.3"});
    var report = BenchMain.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);

    var e2e = report.endToEnd();
    for (String mode : EndToEnd.MODES) {
      assertThat(java.util.Arrays.stream(e2e.ours().get(mode))).hasSize(1).allMatch(ms -> ms > 0);
    }
    assertThat(java.util.Arrays.stream(e2e.first())).hasSize(EndToEnd.FIRST_RENDERS).allMatch(ms -> ms > 0);
    assertThat(e2e.levels()).hasSize(EndToEnd.CLIENTS.length).allMatch(level -> level.ok() > 0);
    assertThat(e2e.overload().clients()).isEqualTo(EndToEnd.OVERLOAD_CLIENTS);
    assertThat(e2e.hits()).hasSize(EndToEnd.HIT_CONNECTIONS.length).allMatch(level -> level.requests() > 0);
    assertThat(e2e.peakRss()).isPositive();
    assertThat(e2e.stages().get("mono")).containsKeys("fetch", "decode", "encode", "job");
    // fits2image runs where Debian's Python has it, and says why not elsewhere.
    if (e2e.fits2image() == null) {
      assertThat(text).contains("fits2image skipped: no ");
    } else {
      assertThat(java.util.Arrays.stream(e2e.fits2image().get("mono"))).allMatch(ms -> ms > 0);
      assertThat(e2e.fits2imageThroughput().renders()).isPositive();
    }
    assertThat(text).contains("| mono |", "cache hit vs bare archive lookup", "cold throughput, 8 clients",
        "peak resident memory", "1st / 5th / 20th cold render");

    var render = report.renders().get(0);
    assertThat(render.stages()).containsKeys(StageBench.STAGES);
    assertThat(render.bareDecode()).isPositive();
    assertThat(text).contains("render / bare decode", "median render / bare decode", "colour / 3 parallel");
    assertThat(Files.size(options.plot())).isPositive();
  }
}
