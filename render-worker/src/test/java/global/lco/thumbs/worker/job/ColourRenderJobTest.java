package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ColourRenderJobTest {
  private final RenderJobRunner runner = new RenderJobRunner(100_000_000L);

  private static List<byte[]> files(String... names) {
    return List.of(names).stream().map(Corpus::bytes).toList();
  }

  @Test
  @DisplayName("The LCO-layout SDSS triplet (ip, rp, gp as R, G, B) renders to an RGB JPEG of the mono size")
  void lcoLikeSdssTriplet() throws IOException {
    var rendered = runner.renderColour(files("lco-like/sdss-86S-ip-lco-like.fits.fz",
        "lco-like/sdss-86S-rp-lco-like.fits.fz", "lco-like/sdss-86S-gp-lco-like.fits.fz"), RenderParams.defaults());

    var image = ImageIO.read(new ByteArrayInputStream(rendered.jpeg()));
    assertThat(image.getWidth()).isEqualTo(200);
    // 682 x 496 on one grid: registration finds (almost) no offset, so at most a pixel is cropped.
    assertThat(image.getHeight()).isBetween(144, 146);
    assertThat(image.getColorModel().getNumComponents()).isEqualTo(3);
    assertThat(rendered.stageMillis()).containsKeys("channels", "register", "compose", "resize", "encode");
  }

  @Test
  @DisplayName("Channels box-reduced in their stretch's pass give the composite of reducing the uncropped planes afterwards")
  void prereducedChannelsMatch() throws Exception {
    var decoder = new global.lco.thumbs.worker.fits.FitsDecoder(global.lco.thumbs.worker.fits.FitsLimits.of(100_000_000L));
    for (String[] set : new String[][] {{"color/gc_2mass_k.fits", "color/gc_2mass_h.fits", "color/gc_2mass_j.fits"},
        {"lco-like/sdss-86S-ip-lco-like.fits.fz", "lco-like/sdss-86S-rp-lco-like.fits.fz",
            "lco-like/sdss-86S-gp-lco-like.fits.fz"}}) {
      for (var params : List.of(RenderParams.defaults(), new RenderParams(120, 90, "", false, 99.5, 80))) {
        var channels = new java.util.ArrayList<global.lco.thumbs.worker.render.colour.Channel>();
        for (String name : set) {
          var image = decoder.decode(Corpus.bytes(name));
          channels.add(new global.lco.thumbs.worker.render.colour.Channel(global.lco.thumbs.worker.render.colour
              .ColourRenderer.stretch(image.pixels(), image.width(), image.height(), params), image.wcs()));
        }
        var twoPasses = global.lco.thumbs.worker.render.colour.ColourRenderer.compose(channels.get(0), channels.get(1),
            channels.get(2), params, new global.lco.thumbs.worker.render.StageTimer());
        var onePass = runner.colourPicture(files(set), params);
        assertThat(onePass.picture().pixels()).as("%s at %dx%d", set[0], params.width(), params.height())
            .isEqualTo(twoPasses.picture().pixels());
      }
    }
  }

  @Test
  @DisplayName("The 2MASS K/H/J files (BITPIX 16 with BSCALE/BZERO) render as a colour composite")
  void twoMassComposite() throws IOException {
    var rendered = runner.renderColour(files("color/gc_2mass_k.fits", "color/gc_2mass_h.fits",
        "color/gc_2mass_j.fits"), new RenderParams(300, 300, "GC", true, 99.5, 90));

    var image = ImageIO.read(new ByteArrayInputStream(rendered.jpeg()));
    assertThat(image.getWidth()).isBetween(299, 300);
    assertThat(image.getHeight()).isBetween(299, 300);
  }

  @Test
  @DisplayName("Frames of different sizes render: the composite is the centre-cropped common area")
  void differentSizes() throws IOException {
    // 721 x 720 and 682 x 496: the common area is 682 x 496; green (another field) stays unaligned, and
    // blue's sub-pixel registration onto red may cost one more column or row.
    var rendered = runner.renderColour(files("color/gc_2mass_k.fits", "lco-like/sdss-86S-rp-lco-like.fits.fz",
        "color/gc_2mass_j.fits"), new RenderParams(1000, 1000, "", false, 99.5, 80));

    assertThat(rendered.width()).isBetween(681, 682);
    assertThat(rendered.height()).isBetween(495, 496);
  }

  @Test
  @DisplayName("An unreadable channel is a 422 naming the channel")
  void unreadableChannel() {
    var fits = List.of(Corpus.bytes("color/gc_2mass_k.fits"), "<html>502 Bad Gateway</html>".repeat(10).getBytes(),
        Corpus.bytes("color/gc_2mass_j.fits"));

    assertThatThrownBy(() -> runner.renderColour(fits, RenderParams.defaults()))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.failure()).isEqualTo(Failure.UNREADABLE_FITS);
          assertThat(p.getMessage()).isEqualTo("green frame: Not a FITS file");
        });
  }

  @Test
  @DisplayName("A colour render reserves more than its largest channel alone and less than three mono renders")
  void memoryOfOneChannelAtATime() {
    var fits = files("color/gc_2mass_k.fits", "color/gc_2mass_h.fits", "lco-like/sdss-86S-gp-lco-like.fits.fz");
    var params = RenderParams.defaults();
    long largest = fits.stream().mapToLong(f -> runner.memoryNeeded(f, params)).max().orElseThrow();
    long sum = fits.stream().mapToLong(f -> runner.memoryNeeded(f, params)).sum();

    assertThat(runner.memoryNeeded(fits, params)).isGreaterThan(largest).isLessThan(sum);
  }

  @Test
  @DisplayName("A colour render lets go of each file of a list it may change once that channel is decoded")
  void releasesDecodedFiles() {
    var fits = new java.util.ArrayList<>(files("color/gc_2mass_k.fits", "color/gc_2mass_h.fits",
        "color/gc_2mass_j.fits"));
    var rendered = runner.renderColour(fits, RenderParams.defaults());

    assertThat(rendered.jpeg()).isNotEmpty();
    assertThat(fits).containsOnlyNulls();
  }
}
