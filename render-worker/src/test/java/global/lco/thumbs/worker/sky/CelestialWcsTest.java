package global.lco.thumbs.worker.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.fits.UnreadableFitsException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Sky positions of real headers against astropy 5.2.1's {@code WCS(header).all_pix2world(..., 1)}
 * (Debian {@code python3-astropy}), which is the independent implementation of the same standard.
 */
class CelestialWcsTest {
  /** 1e-7° is 0.36 milliarcseconds: far below any pixel here, far above rounding. */
  private static final double DEGREES = 1e-7;

  @ParameterizedTest(name = "{0} ({1}, {2})")
  @CsvSource({
      "color/gc_2mass_k.fits, 10, 20, 266.9595616468, -29.4050672113",
      "color/gc_2mass_k.fits, 716, 713, 265.8392923585, -28.4426095212",
      "lco-like/sdss-86S-rp-lco-like.fits.fz, 10, 20, 313.0801092110, -5.7913966936",
      "lco-like/sdss-86S-rp-lco-like.fits.fz, 677, 489, 313.2643648840, -5.5945271245",
      "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz, 10, 20, 195.9724771230, 35.9846004138",
      "lco/tfn0m414-kb29-20160625-0060-e91.fits.fz, 1518, 1013, 195.5758353212, 36.4704626342",
      "edge/spitzer-irs-nan-bitpix-32.fits, 10, 20, 138.8775333208, 29.3194677153",
      "edge/spitzer-irs-nan-bitpix-32.fits, 123, 121, 138.9129694445, 29.2480024206",
  })
  @DisplayName("CDELT with CROTA2, CD and TAN-SIP headers give astropy's sky positions, and back the same pixel")
  void matchesAstropy(String file, double x, double y, double ra, double dec) {
    var wcs = wcsOf(file);

    double[] sky = wcs.toSky(x, y);
    double[] pixel = wcs.toPixel(sky[0], sky[1]);

    assertThat(sky[0]).isCloseTo(ra, within(DEGREES));
    assertThat(sky[1]).isCloseTo(dec, within(DEGREES));
    assertThat(pixel[0]).isCloseTo(x, within(1e-6));
    assertThat(pixel[1]).isCloseTo(y, within(1e-6));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "compressed/ngc1316-rice-int16.fits, a SIN projection",
      "edge/ukidss-k-bitpix32-bscale.fits, a ZPN projection",
      "edge/sdo-hmi-nan-bitpix-64.fits, helioprojective axes",
      "lco/m101-lco-cutout-red.fits, a stripped header",
  })
  @DisplayName("Headers without a celestial TAN WCS give none, so registration falls back to correlation")
  void otherProjectionsAreNoWcs(String file, String why) {
    assertThat(decoderWcs(file)).as(why).isEmpty();
  }

  @org.junit.jupiter.api.Test
  @DisplayName("A point on the far side of the sky from the tangent point has no pixel")
  void farSideHasNoPixel() {
    var wcs = wcsOf("color/gc_2mass_k.fits");

    assertThat(wcs.toPixel(266.4 + 180, 28.93)).isNull();
  }

  static CelestialWcs wcsOf(String file) {
    return decoderWcs(file).orElseThrow(() -> new AssertionError(file + " should have a WCS"));
  }

  private static java.util.Optional<CelestialWcs> decoderWcs(String file) {
    try {
      return new FitsDecoder(FitsLimits.of(100_000_000L)).decode(Corpus.bytes(file)).wcs();
    } catch (UnreadableFitsException e) {
      throw new IllegalStateException(file, e);
    }
  }
}
