package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.render.Resize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRenderTest {
  private final RenderJobRunner runner = new RenderJobRunner(100_000_000L);

  static Stream<String> corpusFiles() throws IOException {
    Path root = Corpus.fits("");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches(".*\\.fits(\\.fz)?"))
          .map(f -> root.relativize(f).toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  @DisplayName("Every corpus frame renders to a valid JPEG fitted inside the box")
  void rendersEveryCorpusFrame(String file) throws Exception {
    byte[] fits = Corpus.bytes(file);
    var image = new FitsDecoder(FitsLimits.of(100_000_000L)).decode(fits);
    var expected = Resize.fitInside(image.width(), image.height(), 200, 200);
    var rendered = runner.render(fits, RenderParams.defaults());
    var jpeg = ImageIO.read(new ByteArrayInputStream(rendered.jpeg()));
    assertThat(jpeg).as("decodable JPEG").isNotNull();
    assertThat(jpeg.getWidth()).isEqualTo(expected.width());
    assertThat(jpeg.getHeight()).isEqualTo(expected.height());
    assertThat(rendered.stageMillis()).containsKeys("decode", "window", "scale", "resize", "encode");
  }

  @Test
  @DisplayName("The corpus holds the kinds the issue names")
  void corpusIsThere() throws IOException {
    assertThat(corpusFiles().toList()).hasSizeGreaterThan(20)
        .anyMatch(f -> f.startsWith("lco")).anyMatch(f -> f.startsWith("compressed")).anyMatch(f -> f.startsWith("edge"));
  }

  @Test
  @DisplayName("A file that is not an image is a 422 Problem saying why")
  void notAnImageIs422() {
    assertThatThrownBy(() -> runner.render("<html>502 Bad Gateway</html>".repeat(10).getBytes(), RenderParams.defaults()))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.failure()).isEqualTo(Failure.UNREADABLE_FITS);
          assertThat(p.status()).isEqualTo(422);
          assertThat(p.getMessage()).isEqualTo("Not a FITS file");
        });
  }
}
