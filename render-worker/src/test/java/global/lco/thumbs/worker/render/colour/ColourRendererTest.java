package global.lco.thumbs.worker.render.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.render.Resize;
import global.lco.thumbs.worker.render.Size;
import global.lco.thumbs.worker.render.StageTimer;
import global.lco.thumbs.worker.render.Stretch;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ColourRendererTest {
  private static final RenderParams SMALL = new RenderParams(200, 200, "", false, 99.5, 95);

  @Test
  @DisplayName("Channels of different sizes are centre-cropped to the common area and registered")
  void differentSizes() throws IOException {
    var full = Planes.stretched("color/gc_2mass_h.fits"); // 721 x 720
    // Green is a 601 x 500 window 10 px left of and above the centre one: its content sits 10 px further on.
    var green = Planes.crop(full, 50, 100, 601, 500);
    var blue = Planes.crop(full, 0, 0, 700, 720);

    var result = ColourRenderer.render(full, green, blue, SMALL, new StageTimer());

    assertThat(result.alignment().green().aligned()).isTrue();
    assertThat(result.alignment().green().dx()).isCloseTo(10, within(0.3));
    assertThat(result.alignment().green().dy()).isCloseTo(10, within(0.3));
    // Blue's centre crop starts at x = 49, red's at 60: its content sits 11 px further right.
    assertThat(result.alignment().blue().dx()).isCloseTo(11, within(0.3));
    assertThat(result.alignment().blue().dy()).isCloseTo(0, within(0.3));
    var image = decode(result.image().jpeg());
    // The common 601 x 500 area, less what the shifts cost (11 px across, 10 down): 590 x 490.
    assertThat(image.getWidth()).isEqualTo(200);
    assertThat(image.getHeight()).isEqualTo(Resize.fitInside(590, 490, 200, 200).height());
  }

  @Test
  @DisplayName("A triplet that shares one pixel grid (WCS) is stacked untouched: the same bytes as plain stacking")
  void coRegisteredTripletUntouched() {
    var k = Planes.decode("color/gc_2mass_k.fits");
    var h = Planes.decode("color/gc_2mass_h.fits");
    var j = Planes.decode("color/gc_2mass_j.fits");
    var red = new Channel(Planes.stretched(k), k.wcs());
    var green = new Channel(Planes.stretched(h), h.wcs());
    var blue = new Channel(Planes.stretched(j), j.wcs());

    for (int box : new int[] {100, 200, 500, 1000}) {
      var params = new RenderParams(box, box, "", false, 99.5, 100);
      var composed = ColourRenderer.compose(red, green, blue, params, new StageTimer());

      int w = red.plane().width();
      int hh = red.plane().height();
      byte[] plain = new byte[w * hh * 3];
      for (int i = 0; i < w * hh; i++) {
        plain[3 * i] = red.plane().pixels()[i];
        plain[3 * i + 1] = green.plane().pixels()[i];
        plain[3 * i + 2] = blue.plane().pixels()[i];
      }
      Size size = Resize.fitInside(w, hh, box, box);
      assertThat(composed.picture().pixels()).as("box %d", box)
          .isEqualTo(Resize.thumbnail(plain, w, hh, 3, size.width(), size.height()));
    }
  }

  @Test
  @DisplayName("A triplet of unrelated fields (WCS) stacks the stray channel unaligned, at full size")
  void unrelatedFieldUnaligned() {
    var k = Planes.decode("color/gc_2mass_k.fits");
    var sdss = Planes.decode("lco-like/sdss-86S-rp-lco-like.fits.fz");
    var j = Planes.decode("color/gc_2mass_j.fits");

    var result = ColourRenderer.compose(new Channel(Planes.stretched(k), k.wcs()),
        new Channel(Planes.stretched(sdss), sdss.wcs()), new Channel(Planes.stretched(j), j.wcs()), SMALL,
        new StageTimer());

    assertThat(result.alignment().green().aligned()).isFalse();
    assertThat(result.alignment().blue().basis()).isEqualTo(Shift.Basis.WCS);
    // The common (centre-cropped) area is SDSS's 682 x 496, uncropped by any shift.
    assertThat(result.picture().width()).isEqualTo(Resize.fitInside(682, 496, 200, 200).width());
    assertThat(result.picture().height()).isEqualTo(Resize.fitInside(682, 496, 200, 200).height());
  }

  @Test
  @DisplayName("The real 2MASS K/H/J bands give an RGB thumbnail whose channels differ")
  void realComposite() throws IOException {
    var red = Planes.stretched("color/gc_2mass_k.fits");
    var green = Planes.stretched("color/gc_2mass_h.fits");
    var blue = Planes.stretched("color/gc_2mass_j.fits");

    var result = ColourRenderer.render(red, green, blue, SMALL, new StageTimer());

    var image = decode(result.image().jpeg());
    assertThat(image.getWidth()).isEqualTo(result.image().width());
    assertThat(image.getHeight()).isEqualTo(result.image().height());
    assertThat(colouredPixels(image)).as("pixels where R, G and B differ")
        .isGreaterThan(image.getWidth() * image.getHeight() / 4);
  }

  @Test
  @DisplayName("A label is drawn in white on the composite")
  void whiteLabel() throws IOException {
    var plane = Planes.stretched("color/gc_2mass_k.fits");
    var dark = new Plane(new byte[plane.width() * plane.height()], plane.width(),
        plane.height());
    var params = new RenderParams(200, 200, "WWWWWWWW", false, 99.5, 100);

    var image = decode(ColourRenderer.render(dark, dark, dark, params, new StageTimer()).image().jpeg());

    int white = 0;
    for (int y = image.getHeight() - 24; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xFF) > 200 && ((rgb >> 8) & 0xFF) > 200 && (rgb & 0xFF) > 200) {
          white++;
        }
      }
    }
    assertThat(white).isGreaterThan(50);
  }

  @Test
  @DisplayName("Each channel is stretched exactly as a mono frame: same window, same bytes, flipped")
  void channelStretchIsMono() {
    var frame = Planes.decode("color/gc_2mass_j.fits");
    var window = Stretch.window(frame.pixels(), frame.width(), frame.height());

    var plane = ColourRenderer.stretch(frame.pixels(), frame.width(), frame.height(), RenderParams.defaults());

    assertThat(plane.pixels()).isEqualTo(Stretch.toBytes(frame.pixels(), frame.width(), frame.height(), window, true));
  }

  private static int colouredPixels(BufferedImage image) {
    int coloured = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 8) {
          coloured++;
        }
      }
    }
    return coloured;
  }

  static BufferedImage decode(byte[] jpeg) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(jpeg));
  }
}
