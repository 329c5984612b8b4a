package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.RenderParams;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MonoRendererTest {

  @Test
  @DisplayName("The spec frame in a 200 × 200 box renders as a decodable 120 × 100 JPEG, never enlarged")
  void specFrameNotEnlarged() throws IOException {
    RenderedImage out = MonoRenderer.render(SpecVector.frame(), SpecVector.W, SpecVector.H,
        RenderParams.defaults(), new StageTimer());
    assertThat(out.width()).isEqualTo(120);
    assertThat(out.height()).isEqualTo(100);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.jpeg()));
    assertThat(decoded.getWidth()).isEqualTo(120);
    assertThat(decoded.getHeight()).isEqualTo(100);
  }

  @Test
  @DisplayName("A full render records every stage in pipeline order")
  void stagesInOrder() {
    StageTimer timer = new StageTimer();
    MonoRenderer.render(SpecVector.frame(), SpecVector.W, SpecVector.H,
        new RenderParams(60, 60, "spec", true, 99.5, 80), timer);
    assertThat(timer.stages()).containsOnlyKeys("window", "scale", "median", "resize", "label", "encode");
    assertThat(timer.stages().keySet()).containsExactly("window", "scale", "median", "resize", "label", "encode");
  }

  @Test
  @DisplayName("Without median mode or a label those stages are not recorded")
  void optionalStagesSkipped() {
    StageTimer timer = new StageTimer();
    MonoRenderer.render(SpecVector.frame(), SpecVector.W, SpecVector.H, RenderParams.defaults(), timer);
    assertThat(timer.stages().keySet()).containsExactly("window", "scale", "resize", "encode");
  }

  @Test
  @DisplayName("The FITS origin ends up at the bottom of the picture")
  void originAtBottom() throws IOException {
    int w = 40;
    int h = 30;
    float[] px = new float[w * h];
    for (int i = 0; i < w; i++) {
      px[i] = 1000;
    }
    RenderedImage out = MonoRenderer.render(px, w, h, new RenderParams(200, 200, "", false, 99.5, 100), new StageTimer());
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(out.jpeg()));
    assertThat(decoded.getRaster().getSample(20, h - 1, 0)).isGreaterThan(200);
    assertThat(decoded.getRaster().getSample(20, 0, 0)).isLessThan(50);
  }
}
