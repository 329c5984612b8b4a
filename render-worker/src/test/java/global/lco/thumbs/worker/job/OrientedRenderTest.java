package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.orient.Turn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Whole renders with {@code orient=wcs} and {@code format=png}, against the legacy render of the same frame. */
class OrientedRenderTest {
  private static final String TFN = "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz";
  private static final String CPT = "lco/cpt1m012-fl10-20151216-0073-e00.fits.fz";
  private static final List<String> SDSS = List.of("lco-like/sdss-86S-ip-lco-like.fits.fz",
      "lco-like/sdss-86S-rp-lco-like.fits.fz", "lco-like/sdss-86S-gp-lco-like.fits.fz");
  /** Larger than every corpus frame: no resize, so pictures compare pixel for pixel. */
  private static final RenderParams FULL = new RenderParams(5000, 5000, "", false, 99.5, 80);

  private final RenderJobRunner runner = new RenderJobRunner(100_000_000L);

  @Test
  @DisplayName("North-up tfn0m414 is the legacy picture turned a quarter (its north points right in the legacy one)")
  void monoTurned() {
    var legacy = runner.picture(Corpus.bytes(TFN), FULL);
    var northUp = runner.picture(Corpus.bytes(TFN), FULL.withOrientation(OrientationMode.WCS));
    var rest = new Turn(false, 1).afterLegacyFlip();
    assertThat(northUp.width()).isEqualTo(legacy.height());
    assertThat(northUp.height()).isEqualTo(legacy.width());
    assertThat(northUp.pixels()).isEqualTo(rest.apply(legacy.pixels(), legacy.width(), legacy.height(), 1));
  }

  @Test
  @DisplayName("A quarter turn swaps the box before sizing: 1523×1020 in 300×200 comes out 200×134, not 134×200")
  void boxSwappedBeforeSizing() throws IOException {
    var rendered = runner.render(Corpus.bytes(TFN), new RenderParams(300, 200, "", false, 99.5, 80)
        .withOrientation(OrientationMode.WCS));
    var image = ImageIO.read(new ByteArrayInputStream(rendered.jpeg()));
    // Turned, the frame is 1020 wide and 1523 high: fitted in 300×200 it is 134×200.
    assertThat(image.getWidth()).isEqualTo(134);
    assertThat(image.getHeight()).isEqualTo(200);
    assertThat(rendered.stageMillis()).containsKey("orient");
  }

  @Test
  @DisplayName("A rotation-0 LCO camera renders byte for byte as the legacy flip, with no orient stage")
  void rotationZeroIsLegacy() {
    var params = new RenderParams(200, 200, "x", false, 99.5, 80);
    var legacy = runner.render(Corpus.bytes(CPT), params);
    var northUp = runner.render(Corpus.bytes(CPT), params.withOrientation(OrientationMode.WCS));
    assertThat(northUp.jpeg()).isEqualTo(legacy.jpeg());
    assertThat(northUp.stageMillis()).doesNotContainKey("orient");
  }

  @Test
  @DisplayName("A colour composite is turned as its red frame says, after registration")
  void colourTurnedAsRed() {
    var fits = SDSS.stream().map(Corpus::bytes).toList();
    var legacy = runner.colourPicture(fits, FULL).picture();
    var northUp = runner.colourPicture(fits, FULL.withOrientation(OrientationMode.WCS)).picture();
    var rest = new Turn(true, 3).afterLegacyFlip();
    assertThat(northUp.pixels()).isEqualTo(rest.apply(legacy.pixels(), legacy.width(), legacy.height(), 3));
    assertThat(northUp.width()).isEqualTo(legacy.height());
  }

  @Test
  @DisplayName("format=png gives a lossless PNG: decoded, it is the picture handed to the encoder")
  void pngIsLossless() throws IOException {
    var params = new RenderParams(300, 300, "M", false, 99.5, 10).withFormat(ImageFormat.PNG);
    var rendered = runner.render(Corpus.bytes(TFN), params);
    var picture = runner.picture(Corpus.bytes(TFN), params);
    assertThat(rendered.jpeg()).startsWith(0x89, 'P', 'N', 'G');
    var decoded = ImageIO.read(new ByteArrayInputStream(rendered.jpeg()));
    assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(1);
    byte[] pixels = new byte[picture.width() * picture.height()];
    decoded.getRaster().getDataElements(0, 0, picture.width(), picture.height(), pixels);
    assertThat(pixels).isEqualTo(picture.pixels());
  }

  @Test
  @DisplayName("A colour PNG is an RGB PNG")
  void colourPng() throws IOException {
    var fits = SDSS.stream().map(Corpus::bytes).toList();
    var rendered = runner.renderColour(fits, RenderParams.defaults().withFormat(ImageFormat.PNG));
    var decoded = ImageIO.read(new ByteArrayInputStream(rendered.jpeg()));
    assertThat(rendered.jpeg()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(decoded.getColorModel().getNumComponents()).isEqualTo(3);
  }

  @Test
  @DisplayName("Colour planet mode crops each channel around its own spot and stacks them without registration")
  void colourPlanet() {
    var fits = SDSS.stream().map(Corpus::bytes).toList();
    var rendered = runner.renderColour(fits, RenderParams.defaults().withPlanet("Saturn"));
    // 682×496 frames: each crop is 600×496, fitted in 200×200.
    assertThat(rendered.width()).isEqualTo(200);
    assertThat(rendered.height()).isEqualTo(165);
    assertThat(rendered.stageMillis()).doesNotContainKey("register");
  }
}
