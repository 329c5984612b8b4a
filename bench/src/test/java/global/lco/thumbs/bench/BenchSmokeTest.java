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
  @DisplayName("A smoke run builds its input, reports every stage and ratio, and draws the figure")
  void smokeRun(@TempDir Path dir) throws Exception {
    var out = new ByteArrayOutputStream();
    var options = BenchMain.Options.parse(new String[] {"--smoke", "--out", dir.toString(), "--warmup", "0",
        "--iterations", "1", "--hit-seconds", "0.2"});
    var report = BenchMain.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);

    assertThat(report.renders()).hasSize(1);
    var render = report.renders().get(0);
    assertThat(render.stages()).containsKeys(StageBench.STAGES);
    assertThat(render.bareDecode()).isPositive();
    assertThat(render.allocatedMono()).isPositive();
    assertThat(report.hits()).hasSize(BenchMain.CONNECTIONS.length).allMatch(level -> level.requests() > 0);
    assertThat(text).contains("render / bare decode", "median render / bare decode", "colour / 3 parallel",
        "hits/s");
    assertThat(Files.size(options.plot())).isPositive();
  }
}
