package global.lco.thumbs.worker.compare;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.render.Label;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our pre-encode image of every case in {@code testdata/golden/cases.tsv} against the one
 * fits2image 0.4.6 handed to its JPEG encoder (committed PNGs; {@code tools/golden/regenerate.sh}
 * remakes them with Python, this test needs none). Each case states its bound; the table of all
 * of them is printed by {@code java -jar render-worker/target/thumbs-render-worker.jar golden}.
 */
class GoldenReferenceTest {
  private static final Path TESTDATA = Corpus.fits("").getParent();
  private static final RenderJobRunner RUNNER = new RenderJobRunner(Long.MAX_VALUE);

  static List<GoldenCase> cases() throws IOException {
    return GoldenCase.read(TESTDATA.resolve("golden").resolve("cases.tsv"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("Our image before JPEG encoding is the reference renderer's, within the case's bound")
  void matchesReference(GoldenCase goldenCase) throws IOException {
    if (!goldenCase.params().label().isEmpty()) {
      assertThat(Label.hintedLikeReference())
          .as("label cases need FREETYPE_PROPERTIES=truetype:interpreter-version=40 in the test JVM's environment "
              + "(the build sets it; an IDE run must too)")
          .isTrue();
    }

    var comparison = GoldenComparison.of(goldenCase, TESTDATA, RUNNER);
    System.out.println(comparison.row());

    assertThat(comparison.difference()).as("%s: our %dx%d against the reference's %dx%d", goldenCase.name(),
        comparison.ours().width(), comparison.ours().height(), comparison.reference().width(),
        comparison.reference().height()).isNotNull();
    assertThat(comparison.passed()).as(comparison.row()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("The references are what the case says: grey for one frame, RGB for three")
  void referenceShapes(GoldenCase goldenCase) throws IOException {
    var reference = PictureFiles.read(TESTDATA.resolve("golden").resolve(goldenCase.name() + ".png"));

    assertThat(reference.channels()).isEqualTo(goldenCase.colour() ? 3 : 1);
  }
}
