package global.lco.thumbs.worker.orient;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsImage;
import global.lco.thumbs.worker.fits.FitsLimits;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Real frames of the corpus with the turn their CD matrix calls for (worked out by hand from each
 * header's CD1_1…CD2_2, quoted in the rows).
 */
class FrameOrientationTest {
  private static final FitsDecoder DECODER = new FitsDecoder(FitsLimits.of(100_000_000L));

  @ParameterizedTest(name = "{0}: mirror={1}, quarter turns={2}")
  @CsvSource(delimiter = '|', textBlock = """
      # CD = (0, -3.2e-4; 3.2e-4, 0): north along +x, east along -y: one counter-clockwise quarter turn
      lco/tfn0m414-kb29-20160625-0060-e91.fits.fz        | false | 1
      # a rotation-0 Sinistro, CD = (-2.2e-4, 0; 0, 2.2e-4): the legacy flip
      lco/cpt1m012-fl10-20151216-0073-e00.fits.fz        | true  | 2
      # 2 m MuSCAT, CD nearly (-7.4e-5, 0; 0, 7.4e-5): the legacy flip
      lco/coj2m002-ep07-20240610-diff-cutout.fits        | true  | 2
      # SDSS repacked, CD = (4.5e-5, 3.3e-4; 3.3e-4, -4.5e-5): north 82° from up after the mirror
      lco-like/sdss-86S-rp-lco-like.fits.fz              | true  | 3
      # Spitzer IRS, CD = (-1.5e-4, 4.8e-4; -4.9e-4, -1.5e-4), right parity, north 73° from up
      edge/spitzer-irs-nan-bitpix-32.fits                | false | 3
      # UKIDSS ZPN, CD nearly (5.6e-5, 0; 0, 5.6e-5): north down and east right, a half turn
      edge/ukidss-k-bitpix32-bscale.fits                 | false | 2
      # 2MASS has CDELT and CROTA2 but no CD: the legacy flip, as upstream
      color/gc_2mass_k.fits                              | true  | 2
      # a row of a real LCO frame with a CD matrix: 1-D-like, never turned
      edge/sqa0m801-kb35-20151216-0966-g00-1row.fits.fz  | true  | 2
      # a Gemini spectrum without a CD matrix
      mono/gmos-s-ltt7379-mef.fits                       | true  | 2
      """)
  @DisplayName("Each corpus frame gets the turn its header calls for")
  void corpusFrames(String file, boolean mirror, int quarterTurns) throws Exception {
    FitsImage image = DECODER.decode(Corpus.bytes(file));
    assertThat(FrameOrientation.of(OrientationMode.WCS, image.width(), image.height(), image.orientation()))
        .isEqualTo(new Turn(mirror, quarterTurns));
    assertThat(FrameOrientation.of(OrientationMode.LEGACY, image.width(), image.height(), image.orientation()))
        .isEqualTo(Turn.LEGACY_FLIP);
  }

  @Test
  @DisplayName("A frame whose OBSTYPE is SPECTRUM keeps the legacy flip whatever its CD matrix")
  void spectraAreNeverTurned() {
    var cd = CdMatrix.of(0, -3e-4, 3e-4, 0);
    assertThat(FrameOrientation.of(OrientationMode.WCS, 2000, 500, new OrientationHeader(cd, false)))
        .isEqualTo(new Turn(false, 1));
    assertThat(FrameOrientation.of(OrientationMode.WCS, 2000, 500, new OrientationHeader(cd, true)))
        .isEqualTo(Turn.LEGACY_FLIP);
    assertThat(FrameOrientation.of(OrientationMode.WCS, 2000, 200, new OrientationHeader(cd, false)))
        .as("1-D-like: 2000 × 200").isEqualTo(Turn.LEGACY_FLIP);
    assertThat(FrameOrientation.of(OrientationMode.WCS, 2000, 500, new OrientationHeader(Optional.empty(), false)))
        .isEqualTo(Turn.LEGACY_FLIP);
  }
}
