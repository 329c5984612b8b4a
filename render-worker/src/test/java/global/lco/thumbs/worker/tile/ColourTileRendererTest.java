package global.lco.thumbs.worker.tile;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.TileParams;
import global.lco.thumbs.worker.orient.Turn;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.render.colour.Channel;
import global.lco.thumbs.worker.render.colour.ColourRenderer;
import global.lco.thumbs.worker.render.colour.Planes;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tiles of a colour composite against the colour thumbnail, on channels that need registering and a turn. */
class ColourTileRendererTest {
  private static Channel red;
  private static Channel green;
  private static Channel blue;
  private static RgbFrame composite;

  @BeforeAll
  static void channels() {
    // Green and blue shifted by whole and sub-pixel offsets (correlation crops and interpolates), all turned a quarter.
    var frame = Planes.decode("color/gc_2mass_h.fits");
    var turn = new Turn(false, 1);
    red = new Channel(Planes.stretched(frame), Optional.empty(), turn);
    green = new Channel(Planes.stretched(Planes.shifted(frame, 3.4, -2.3)), Optional.empty(), turn);
    blue = new Channel(Planes.stretched(Planes.shifted(frame, -5, 4)), Optional.empty(), turn);
    var registered = ColourRenderer.register(red, green, blue, RenderParams.defaults(), new StageTimer());
    composite = RgbFrame.of(ColourRenderer.fullResolution(registered, new StageTimer()));
  }

  @Test
  @DisplayName("The full-resolution composite is cropped by registration and turned, and is the colour thumbnail at its own size")
  void fullResolutionIsTheThumbnail() {
    int w = composite.width();
    int h = composite.height();
    assertThat(w).as("turned: the frame's 720 rows less the shifts across").isLessThan(720);
    assertThat(h).isLessThan(721);
    var params = new RenderParams(w, h, "", false, RenderParams.DEFAULT_PERCENTILE, RenderParams.DEFAULT_QUALITY);
    Picture thumbnail = ColourRenderer.compose(red, green, blue, params, new StageTimer()).picture();
    Picture full = ColourTileRenderer.render(composite, new TileParams(0, 0, w, h, w, h, 0, false, false));
    assertThat(full.width()).isEqualTo(thumbnail.width());
    assertThat(full.height()).isEqualTo(thumbnail.height());
    assertThat(full.pixels()).isEqualTo(thumbnail.pixels());
  }

  @Test
  @DisplayName("Neighbouring colour tiles are the halves of the region spanning both")
  void seamless() {
    var left = ColourTileRenderer.render(composite, new TileParams(0, 0, 256, 256, 128, 128, 0, false, false));
    var right = ColourTileRenderer.render(composite, new TileParams(256, 0, 256, 256, 128, 128, 0, false, false));
    var both = ColourTileRenderer.render(composite, new TileParams(0, 0, 512, 256, 256, 128, 0, false, false));
    for (int y = 0; y < 128; y++) {
      assertThat(Arrays.copyOfRange(both.pixels(), y * 256 * 3, y * 256 * 3 + 128 * 3))
          .isEqualTo(Arrays.copyOfRange(left.pixels(), y * 128 * 3, (y + 1) * 128 * 3));
      assertThat(Arrays.copyOfRange(both.pixels(), y * 256 * 3 + 128 * 3, (y + 1) * 256 * 3))
          .isEqualTo(Arrays.copyOfRange(right.pixels(), y * 128 * 3, (y + 1) * 128 * 3));
    }
  }

  @Test
  @DisplayName("A gray tile is the luma of the colour tile; a turn and a mirror move its pixels as on mono tiles")
  void grayAndTurns() {
    var colour = ColourTileRenderer.render(composite, new TileParams(10, 20, 60, 40, 30, 20, 0, false, false));
    var gray = ColourTileRenderer.render(composite, new TileParams(10, 20, 60, 40, 30, 20, 0, false, false, true));
    assertThat(gray.channels()).isEqualTo(1);
    byte[] r = new byte[600];
    byte[] g = new byte[600];
    byte[] b = new byte[600];
    for (int i = 0; i < 600; i++) {
      r[i] = colour.pixels()[3 * i];
      g[i] = colour.pixels()[3 * i + 1];
      b[i] = colour.pixels()[3 * i + 2];
    }
    assertThat(gray.pixels()).isEqualTo(Luma.of(r, g, b));
    var turned = ColourTileRenderer.render(composite, new TileParams(10, 20, 60, 40, 30, 20, 90, true, false));
    assertThat(turned.width()).isEqualTo(20);
    assertThat(turned.height()).isEqualTo(30);
    // Mirrored, (0, 0) goes to (29, 0); turned a quarter clockwise, (x, y) goes to (19 − y, x): (19, 29).
    int at = (29 * 20 + 19) * 3;
    assertThat(Arrays.copyOfRange(turned.pixels(), at, at + 3)).isEqualTo(Arrays.copyOfRange(colour.pixels(), 0, 3));
  }

  @Test
  @DisplayName("Luma is Pillow's convert(\"L\"): white stays white, pure primaries weigh 299, 587 and 114")
  void luma() {
    byte[] white = {(byte) 255};
    byte[] none = {0};
    assertThat(Luma.of(white, white, white)).containsExactly((byte) 255);
    assertThat(Luma.of(white, none, none)[0] & 0xFF).isEqualTo(76);
    assertThat(Luma.of(none, white, none)[0] & 0xFF).isEqualTo(150);
    assertThat(Luma.of(none, none, white)[0] & 0xFF).isEqualTo(29);
  }
}
