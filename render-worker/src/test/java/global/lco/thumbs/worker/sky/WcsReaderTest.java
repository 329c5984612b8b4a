package global.lco.thumbs.worker.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nom.tam.fits.Header;
import nom.tam.fits.HeaderCardException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WcsReaderTest {

  @Test
  @DisplayName("PC with CDELT is the same transformation as the equivalent CD matrix")
  void pcTimesCdelt() throws HeaderCardException {
    var pc = tan();
    pc.addValue("CDELT1", -2e-4, "");
    pc.addValue("CDELT2", 3e-4, "");
    pc.addValue("PC1_2", 0.1, "");
    pc.addValue("PC2_1", -0.2, "");
    var cd = tan();
    cd.addValue("CD1_1", -2e-4, "");
    cd.addValue("CD1_2", -2e-5, "");
    cd.addValue("CD2_1", -6e-5, "");
    cd.addValue("CD2_2", 3e-4, "");

    double[] fromPc = WcsReader.read(pc).orElseThrow().toSky(400, 30);
    double[] fromCd = WcsReader.read(cd).orElseThrow().toSky(400, 30);

    assertThat(fromPc[0]).isCloseTo(fromCd[0], within(1e-12));
    assertThat(fromPc[1]).isCloseTo(fromCd[1], within(1e-12));
  }

  @Test
  @DisplayName("A singular CD matrix, a missing reference value or a LONPOLE other than 180° is no WCS")
  void unusable() throws HeaderCardException {
    var singular = tan();
    singular.addValue("CD1_1", 1e-4, "");
    singular.addValue("CD1_2", 1e-4, "");
    singular.addValue("CD2_1", 1e-4, "");
    singular.addValue("CD2_2", 1e-4, "");
    var noCrval = tan();
    noCrval.deleteKey("CRVAL2");
    noCrval.addValue("CD1_1", 1e-4, "");
    var pole = tan();
    pole.addValue("CD1_1", 1e-4, "");
    pole.addValue("CD2_2", 1e-4, "");
    pole.addValue("LONPOLE", 0.0, "");

    assertThat(WcsReader.read(singular)).isEmpty();
    assertThat(WcsReader.read(noCrval)).isEmpty();
    assertThat(WcsReader.read(pole)).isEmpty();
  }

  @Test
  @DisplayName("ICRS and FK5 count as one reference frame, FK4 as another")
  void referenceFrames() throws HeaderCardException {
    assertThat(frame("ICRS", 2000)).isEqualTo(frame("FK5", 2000)).isEqualTo(frame(null, 2000));
    assertThat(frame("FK4", 1950)).isEqualTo(frame(null, 1950)).isNotEqualTo(frame("ICRS", 2000));
  }

  private static String frame(String radesys, double equinox) throws HeaderCardException {
    var header = tan();
    header.addValue("CDELT1", -1e-4, "");
    header.addValue("CDELT2", 1e-4, "");
    if (radesys != null) {
      header.addValue("RADESYS", radesys, "");
    }
    header.addValue("EQUINOX", equinox, "");
    return WcsReader.read(header).orElseThrow().reference();
  }

  private static Header tan() throws HeaderCardException {
    var header = new Header();
    header.addValue("CTYPE1", "RA---TAN", "");
    header.addValue("CTYPE2", "DEC--TAN", "");
    header.addValue("CRPIX1", 512.0, "");
    header.addValue("CRPIX2", 500.0, "");
    header.addValue("CRVAL1", 150.0, "");
    header.addValue("CRVAL2", 2.2, "");
    return header;
  }
}
