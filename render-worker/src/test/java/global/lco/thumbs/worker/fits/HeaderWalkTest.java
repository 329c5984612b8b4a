package global.lco.thumbs.worker.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderWalkTest {
  private static final FitsLimits LIMITS = FitsLimits.of(100_000_000L);

  /** Feeds the walk the pieces it asks for (as a ranged server would), counting the bytes it needed. */
  private static Walked walk(byte[] file, int piece) {
    var walk = new HeaderWalk(LIMITS);
    var step = walk.start();
    long read = 0;
    while (step instanceof HeaderWalk.NeedBytes need) {
      int from = (int) need.from();
      byte[] part = Arrays.copyOfRange(file, from, Math.min(file.length, from + piece));
      read += part.length;
      step = walk.offer(part, file.length);
    }
    return new Walked(step, read);
  }

  private record Walked(HeaderWalk.Step step, long bytesRead) {
  }

  @ParameterizedTest
  @ValueSource(strings = {"lco/tfn0m414-kb29-20160625-0060-e91.fits.fz", "lco/cpt1m012-fl10-20151216-0073-e00.fits.fz",
      "lco/coj2m002-ep07-20240610-diff-cutout.fits", "lco/m101-lco-cutout-red.fits", "compressed/m13_rice.fits",
      "compressed/ngc1316-rice-int16.fits", "edge/mixed-hdus-table-first.fits", "mono/gmos-s-ltt7379-mef.fits",
      "edge/lsc1m005-kb78-20151109-0179-e90-1row.fits.fz", "planet/jupiter-webcam-20121114-640x480.fits"})
  @DisplayName("From headers alone, in 2880-byte pieces, the walk finds the size the decoder reads (or says it is unsure)")
  void agreesWithTheDecoder(String name) throws Exception {
    byte[] file = Corpus.bytes(name);
    var shape = new FitsDecoder(LIMITS).inspect(file);
    var walked = walk(file, 2880);
    if (walked.step() instanceof HeaderWalk.Found found) {
      assertThat(found.width()).isEqualTo(shape.width());
      assertThat(found.height()).isEqualTo(shape.height());
      assertThat(walked.bytesRead()).as("bytes read of %d", file.length).isLessThanOrEqualTo(Math.max(file.length / 2, 100_000));
    } else {
      assertThat(walked.step()).isInstanceOf(HeaderWalk.Unsure.class);
    }
  }

  @Test
  @DisplayName("An LCO .fz frame (empty primary, compressed SCI) is sized from ZNAXIS1/ZNAXIS2 with a few blocks")
  void compressedScienceFrame() {
    byte[] file = Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");
    var walked = walk(file, 8 * 2880);
    assertThat(walked.step()).isInstanceOfSatisfying(HeaderWalk.Found.class, found -> {
      assertThat(found.width()).isPositive();
      assertThat(found.orientation().cd()).isPresent();
    });
    assertThat(walked.bytesRead()).isLessThanOrEqualTo(3 * 8 * 2880);
  }

  @Test
  @DisplayName("An amplifier mosaic (several SCI images with DATASEC/DETSEC) is left to the decoder")
  void mosaicIsUnsure() {
    var walked = walk(Corpus.bytes("lco-like/elp1m008-fa05-20211007-0042-e00-cut4amp.fits.fz"), 8 * 2880);
    assertThat(walked.step()).isInstanceOf(HeaderWalk.Unsure.class);
  }

  @Test
  @DisplayName("Bytes that are not FITS, or a header cut short, are left to the decoder")
  void damageIsUnsure() {
    assertThat(walk("<html>not fits</html>".getBytes(), 2880).step()).isInstanceOf(HeaderWalk.Unsure.class);
    byte[] file = Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");
    assertThat(walk(Arrays.copyOf(file, 4000), 2880).step()).isInstanceOf(HeaderWalk.Unsure.class);
  }
}
