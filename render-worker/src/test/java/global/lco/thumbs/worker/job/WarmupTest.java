package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  @DisplayName("The made-up warm-up frame is a RICE-compressed float image the decoder reads at its full size")
  void frameDecodes() throws Exception {
    byte[] frame = Warmup.frame(300, 200);
    var image = new FitsDecoder(FitsLimits.of(1_000_000)).decode(frame);
    assertThat(image.width()).isEqualTo(300);
    assertThat(image.height()).isEqualTo(200);
    float[] px = image.pixels();
    for (float v : px) {
      assertThat(v).isFinite();
    }
  }

  @Test
  @DisplayName("A warm-up round renders through the runner it is given, and zero rounds render nothing")
  void roundsRender() {
    var budget = new MemoryBudget(512L << 20);
    var runner = new RenderJobRunner(FitsLimits.of(100_000_000L), budget);
    assertThat(Warmup.run(runner, 0)).isZero();
    assertThat(Warmup.run(runner, 1)).isPositive();
    assertThat(budget.kept()).as("the frame's floats were handed back").isPositive();
  }
}
