package global.lco.thumbs.worker.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FitsDecoderTest {
  private final FitsDecoder decoder = new FitsDecoder(FitsLimits.of(100_000_000L));

  private FitsImage decode(String file) throws UnreadableFitsException {
    return decoder.decode(Corpus.bytes(file));
  }

  @ParameterizedTest(name = "{0} is {1}x{2}")
  @DisplayName("Every corpus frame decodes to its image size")
  @CsvSource({
      "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz, 1523, 1020",
      "lco/cpt1m012-fl10-20151216-0073-e00.fits.fz, 1040, 1024",
      "lco/coj2m002-ep07-20240610-diff-cutout.fits, 100, 100",
      "lco/m101-lco-cutout-red.fits, 100, 100",
      "lco-like/sdss-86S-gp-lco-like.fits.fz, 682, 496",
      "compressed/m13.fits, 300, 300",
      "compressed/m13_hcomp.fits, 300, 300",
      "compressed/ngc1316-rice-int16.fits, 440, 300",
      "edge/bitpix8-jupiter-640x480.fits, 640, 480",
      "edge/malformed-bitpix8-jupiter-unquoted-unpadded.fits, 640, 480",
      "edge/lsc1m005-kb78-20151109-0179-e90-1row.fits.fz, 2027, 1",
      "edge/lco-cutout-uncompressed-named.fits.fz, 100, 100",
      "edge/mixed-hdus-table-first.fits, 3, 2",
      "edge/ukidss-k-bitpix32-bscale.fits, 300, 300",
      "mono/gmos-s-ltt7379-mef.fits, 200, 150",
  })
  void decodesCorpus(String file, int width, int height) throws Exception {
    var image = decode(file);
    assertThat(image.width()).isEqualTo(width);
    assertThat(image.height()).isEqualTo(height);
    assertThat(image.pixels()).hasSize(width * height);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("Lossless tile compression (RICE, GZIP, HCOMPRESS, PLIO) decodes to exactly the uncompressed pixels")
  @CsvSource({"compressed/m13_rice.fits", "compressed/m13_gzip.fits", "compressed/m13_hcomp.fits",
      "compressed/m13_plio.fits"})
  void losslessCompressionIsExact(String file) throws Exception {
    assertThat(decode(file).pixels()).containsExactly(decode("compressed/m13.fits").pixels());
  }

  @Test
  @DisplayName("Quantised float RICE data stays within the quantisation step of the original floats")
  void quantisedFloatsAreClose() throws Exception {
    float[] original = decode("compressed/m13real.fits").pixels();
    float[] quantised = decode("compressed/m13real_rice.fits").pixels();
    double worst = 0;
    for (int i = 0; i < original.length; i++) {
      worst = Math.max(worst, Math.abs(original[i] - quantised[i]));
    }
    assertThat(worst).isLessThan(1.0);
  }

  @Test
  @DisplayName("BITPIX 8 is read as unsigned bytes")
  void bitpix8IsUnsigned() throws Exception {
    float[] px = decode("edge/bitpix8-jupiter-640x480.fits").pixels();
    assertThat(max(px)).isGreaterThan(127f);
    assertThat(min(px)).isGreaterThanOrEqualTo(0f);
  }

  @Test
  @DisplayName("BLANK integer pixels become missing values")
  void blankBecomesNaN() throws Exception {
    assertThat(decode("edge/bitpix64-blank-1x1.fits").pixels()[0]).isNaN();
  }

  @Test
  @DisplayName("BSCALE and BZERO are applied to integer data")
  void scaledIntegers() throws Exception {
    float[] px = decode("edge/ukidss-k-bitpix32-bscale.fits").pixels();
    assertThat(Arrays.stream(box(px)).anyMatch(v -> v != Math.rint(v))).isTrue();
    assertThat(min(px)).isGreaterThan(7000f);
  }

  @Test
  @DisplayName("NaN pixels in float data stay missing")
  void nanStaysNaN() throws Exception {
    float[] px = decode("edge/spitzer-irs-nan-bitpix-32.fits").pixels();
    assertThat(Arrays.stream(box(px)).filter(v -> Double.isNaN(v)).count()).isGreaterThan(1000);
  }

  @Test
  @DisplayName("The SCI extension is chosen over an empty primary, and the image is in physical units")
  void prefersSci() throws Exception {
    var image = decode("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");
    assertThat(image.width()).isEqualTo(1523);
    assertThat(max(image.pixels())).isGreaterThan(1000f);
  }

  @Test
  @DisplayName("The heap a decode needs besides its floats: a tile per band on the RICE fast path, the stored values otherwise")
  void decodeOverhead() throws Exception {
    var rice = decoder.inspect(Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"));
    assertThat(rice.pixels()).isEqualTo(1523L * 1020);
    // One-row tiles of 1523 integers, at most a few dozen bands at once.
    assertThat(rice.decodeOverheadBytes()).isPositive().isLessThan(1523L * 4 * 64);
    var gzip = decoder.inspect(Corpus.bytes("compressed/m13_gzip.fits"));
    assertThat(gzip.decodeOverheadBytes()).isEqualTo(300L * 300 * 2);
    var plain = decoder.inspect(Corpus.bytes("edge/ukidss-k-bitpix32-bscale.fits"));
    assertThat(plain.decodeOverheadBytes()).isEqualTo(300L * 300 * 4);
  }

  @Test
  @DisplayName("An HTML page is not a FITS file")
  void htmlIsRefused() {
    byte[] html = "<!DOCTYPE html><html><body>Internal Server Error</body></html>".repeat(40)
        .getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> decoder.decode(html)).isInstanceOf(UnreadableFitsException.class)
        .hasMessage("Not a FITS file");
  }

  @Test
  @DisplayName("A file cut short inside its pixel data is refused")
  void truncatedIsRefused() {
    byte[] whole = Corpus.bytes("compressed/m13.fits");
    byte[] cut = Arrays.copyOf(whole, 2880 * 10);
    assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(UnreadableFitsException.class);
  }

  @Test
  @DisplayName("A file with only a header and no image is refused")
  void noImage() {
    byte[] header = FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    0");
    assertThatThrownBy(() -> decoder.decode(header)).isInstanceOf(UnreadableFitsException.class)
        .hasMessage("The FITS file holds no 2-D image");
  }

  @Test
  @DisplayName("An image larger than the pixel limit is refused")
  void pixelLimit() {
    var small = new FitsDecoder(FitsLimits.of(300 * 299));
    assertThatThrownBy(() -> small.decode(Corpus.bytes("compressed/m13_rice.fits")))
        .isInstanceOf(UnreadableFitsException.class)
        .hasMessage("Image of 300x300 pixels is larger than the limit of 89700 pixels");
  }

  @Test
  @DisplayName("A header claiming a 40000x40000 image with no data behind it is refused without allocating it")
  void hugeHeaderWithoutData() {
    byte[] huge = FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                  -32", "NAXIS   =                    2",
        "NAXIS1  =                40000", "NAXIS2  =                40000");
    assertThatThrownBy(() -> decoder.decode(huge)).isInstanceOf(UnreadableFitsException.class);
  }

  @Test
  @DisplayName("A cube with more than one plane is not a 2-D image")
  void realCubeIsNotAnImage() {
    byte[] cube = FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                    8", "NAXIS   =                    3",
        "NAXIS1  =                    2", "NAXIS2  =                    2", "NAXIS3  =                    2");
    byte[] file = Arrays.copyOf(cube, cube.length + 2880);
    assertThatThrownBy(() -> decoder.decode(file)).isInstanceOf(UnreadableFitsException.class)
        .hasMessage("The FITS file holds no 2-D image");
  }

  private static double[] box(float[] px) {
    double[] out = new double[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = px[i];
    }
    return out;
  }

  private static float max(float[] px) {
    float m = -Float.MAX_VALUE;
    for (float v : px) {
      m = Math.max(m, v);
    }
    return m;
  }

  private static float min(float[] px) {
    float m = Float.MAX_VALUE;
    for (float v : px) {
      m = Math.min(m, v);
    }
    return m;
  }
}
