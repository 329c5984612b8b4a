package global.lco.thumbs.worker.fits;

import static global.lco.thumbs.worker.fits.FitsWriter.card;
import static global.lco.thumbs.worker.fits.FitsWriter.concat;
import static global.lco.thumbs.worker.fits.FitsWriter.emptyPrimary;
import static global.lco.thumbs.worker.fits.FitsWriter.header;
import static global.lco.thumbs.worker.fits.FitsWriter.padded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.job.RenderJobRunner;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.image.compression.hdu.CompressedImageHDU;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmplifierMosaicTest {
  private static final String RAW = "lco/elp1m008-fa05-20211007-0042-e00-cut4amp.fits";
  private static final String RAW_FZ = "lco-like/elp1m008-fa05-20211007-0042-e00-cut4amp.fits.fz";
  private static final FitsDecoder DECODER = new FitsDecoder(FitsLimits.of(100_000_000L));

  /**
   * Where each SCI extension's 512 × 512 DATASEC goes in the 1024 × 1024 detector, read off the
   * headers by hand (DETSEC in unbinned pixels, 2 × 2 binned, x or y reversed where DETSEC runs
   * backwards): {extension, DETSEC, x reversed, y reversed, column offset, row offset}.
   */
  private static final Object[][] LAYOUT = {
      {1, "[1025:2048,3072:2049]", false, true, 0, 512},
      {2, "[1025:2048,1025:2048]", false, false, 0, 0},
      {3, "[3072:2049,1025:2048]", true, false, 512, 0},
      {4, "[3072:2049,3072:2049]", true, true, 512, 512},
  };

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {RAW, RAW_FZ})
  @DisplayName("A raw 4-amplifier frame decodes to the whole detector, each amplifier's DATASEC at its DETSEC, overscan left out")
  void fourAmplifiersMosaic(String file) throws Exception {
    byte[] bytes = Corpus.bytes(file);

    var image = DECODER.decode(bytes);

    assertThat(image.width()).isEqualTo(1024);
    assertThat(image.height()).isEqualTo(1024);
    assertThat(image.pixels()).isEqualTo(assembledByHand(bytes));
    assertThat(DECODER.inspect(bytes).pixels()).isEqualTo(1024L * 1024);
  }

  @Test
  @DisplayName("The mosaic renders as one detector: the thumbnail has the detector's shape, not one amplifier's")
  void rendersWholeDetector() {
    var rendered = new RenderJobRunner(100_000_000L).render(Corpus.bytes(RAW), new RenderParams(500, 500, "", false,
        99.5, 80));

    assertThat(rendered.width()).isEqualTo(500);
    assertThat(rendered.height()).isEqualTo(500);
  }

  @Test
  @DisplayName("The pixel limit applies to the mosaic as a whole, not to each amplifier")
  void limitAppliesToMosaic() {
    // Each amplifier is 544 x 522 = 283,968 pixels; the detector 1024 x 1024 = 1,048,576.
    var decoder = new FitsDecoder(FitsLimits.of(1_000_000L));

    assertThatThrownBy(() -> decoder.decode(Corpus.bytes(RAW)))
        .isInstanceOf(UnreadableFitsException.class)
        .hasMessageContaining("Mosaic of 4 amplifiers (1024x1024 pixels")
        .hasMessageContaining("larger than the limit of 1000000 pixels");
    assertThatThrownBy(() -> decoder.inspect(Corpus.bytes(RAW))).isInstanceOf(UnreadableFitsException.class);
  }

  @Test
  @DisplayName("Amplifiers laid out by DETSEC, including a backwards one, land where their sections say")
  void syntheticLayout() throws Exception {
    // Two 3 x 2 amplifiers whose first two columns are data and last is overscan (value 999).
    byte[] file = concat(emptyPrimary(),
        amplifier(3, 2, new float[] {1, 2, 999, 3, 4, 999}, "[1:2,1:2]", "[1:2,1:2]"),
        amplifier(3, 2, new float[] {5, 6, 999, 7, 8, 999}, "[1:2,1:2]", "[4:3,1:2]"));

    var image = DECODER.decode(file);

    assertThat(image.width()).isEqualTo(4);
    assertThat(image.height()).isEqualTo(2);
    assertThat(image.pixels()).containsExactly(1, 2, 6, 5, 3, 4, 8, 7);
  }

  @Test
  @DisplayName("Detector pixels no amplifier covers (a gap between chips) are missing values")
  void gapsAreMissing() throws Exception {
    byte[] file = concat(emptyPrimary(),
        amplifier(2, 1, new float[] {1, 2}, "[1:2,1:1]", "[1:2,1:1]"),
        amplifier(2, 1, new float[] {3, 4}, "[1:2,1:1]", "[5:6,1:1]"));

    var image = DECODER.decode(file);

    assertThat(image.width()).isEqualTo(6);
    assertThat(image.pixels()[2]).isNaN();
    assertThat(image.pixels()[3]).isNaN();
    assertThat(image.pixels()[4]).isEqualTo(3);
  }

  @Test
  @DisplayName("Overlapping DETSECs are a 422 naming both extensions")
  void overlapRefused() {
    byte[] file = concat(emptyPrimary(),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[1:2,1:2]"),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[2:3,1:2]"));

    assertRefused(file, "Amplifier sections overlap: extension 1 DETSEC [1:2,1:2] and extension 2 DETSEC [2:3,1:2]");
  }

  @Test
  @DisplayName("A DETSEC that is not a whole multiple of its DATASEC is a 422")
  void fractionalBinningRefused() {
    byte[] file = concat(emptyPrimary(),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[1:3,1:2]"),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[4:6,1:2]"));

    assertRefused(file, "not a whole binning");
  }

  @Test
  @DisplayName("Amplifiers binned differently are a 422")
  void mixedBinningRefused() {
    byte[] file = concat(emptyPrimary(),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[1:2,1:2]"),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[3:6,1:4]"));

    assertRefused(file, "binning differs");
  }

  @Test
  @DisplayName("A DATASEC outside its image is a 422")
  void dataOutsideImageRefused() {
    byte[] file = concat(emptyPrimary(),
        amplifier(2, 2, new float[4], "[1:3,1:2]", "[1:3,1:2]"),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[4:5,1:2]"));

    assertRefused(file, "DATASEC [1:3,1:2] lies outside its 2x2 image");
  }

  @Test
  @DisplayName("An amplifier without sections beside others with them is a 422")
  void missingSectionRefused() {
    byte[] file = concat(emptyPrimary(),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "[1:2,1:2]"),
        amplifier(2, 2, new float[4], "[1:2,1:2]", "UNKNOWN"));

    assertRefused(file, "Extension 2 (EXTNAME SCI) has no DATASEC/DETSEC section");
  }

  @Test
  @DisplayName("A frame with one image keeps today's behaviour, sections or not")
  void singleImageUnchanged() throws Exception {
    byte[] file = concat(emptyPrimary(), amplifier(3, 2, new float[] {1, 2, 9, 3, 4, 9}, "[1:2,1:2]", "[1:2,1:2]"));

    var image = DECODER.decode(file);

    assertThat(image.width()).isEqualTo(3);
    assertThat(image.pixels()).containsExactly(1, 2, 9, 3, 4, 9);
  }

  private static void assertRefused(byte[] file, String message) {
    assertThatThrownBy(() -> DECODER.decode(file)).isInstanceOf(UnreadableFitsException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> new RenderJobRunner(100_000_000L).render(file, RenderParams.defaults()))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.failure()).isEqualTo(Failure.UNREADABLE_FITS));
  }

  /** An IMAGE extension named SCI holding float32 values with the given sections. */
  private static byte[] amplifier(int width, int height, float[] values, String datasec, String detsec) {
    var data = ByteBuffer.allocate(values.length * 4);
    for (float v : values) {
      data.putFloat(v);
    }
    return concat(header(card("XTENSION", "IMAGE"), card("BITPIX", -32), card("NAXIS", 2), card("NAXIS1", width),
        card("NAXIS2", height), card("PCOUNT", 0), card("GCOUNT", 1), card("EXTNAME", "SCI"),
        card("DATASEC", datasec), card("DETSEC", detsec)), padded(data.array()));
  }

  /** The detector assembled from nom-tam-fits' own reading of each extension and the layout above. */
  private static float[] assembledByHand(byte[] bytes) throws Exception {
    float[] out = new float[1024 * 1024];
    try (var fits = new Fits(new ByteArrayInputStream(bytes))) {
      for (Object[] amp : LAYOUT) {
        var hdu = fits.getHDU((Integer) amp[0]);
        ImageHDU image = hdu instanceof CompressedImageHDU compressed ? compressed.asImageHDU() : (ImageHDU) hdu;
        Header header = image.getHeader();
        assertThat(header.getStringValue("DETSEC")).isEqualTo(amp[1]);
        assertThat(header.getStringValue("DATASEC")).isEqualTo("[1:512,1:512]");
        double zero = header.getDoubleValue("BZERO", 0);
        short[][] raw = (short[][]) image.getKernel();
        for (int j = 0; j < 512; j++) {
          for (int i = 0; i < 512; i++) {
            int x = (Integer) amp[4] + ((Boolean) amp[2] ? 511 - i : i);
            int y = (Integer) amp[5] + ((Boolean) amp[3] ? 511 - j : j);
            out[y * 1024 + x] = (float) (raw[j][i] + zero);
          }
        }
      }
    }
    return out;
  }
}
