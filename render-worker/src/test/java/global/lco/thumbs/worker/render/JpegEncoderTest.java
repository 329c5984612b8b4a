package global.lco.thumbs.worker.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JpegEncoderTest {

  @Test
  @DisplayName("The output starts with the JPEG SOI marker FFD8")
  void startsWithSoi() {
    byte[] jpeg = JpegEncoder.encode(gradient(64, 48), 64, 48, 1, 80);
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
  }

  @Test
  @DisplayName("A greyscale JPEG decodes back to the same size with a single band")
  void greyDecodes() throws IOException {
    BufferedImage decoded = decode(JpegEncoder.encode(gradient(64, 48), 64, 48, 1, 80));
    assertThat(decoded.getWidth()).isEqualTo(64);
    assertThat(decoded.getHeight()).isEqualTo(48);
    assertThat(decoded.getRaster().getNumBands()).isEqualTo(1);
  }

  @Test
  @DisplayName("An RGB JPEG decodes back to the same size with three bands")
  void rgbDecodes() throws IOException {
    byte[] img = new byte[50 * 30 * 3];
    for (int i = 0; i < 50 * 30; i++) {
      img[i * 3] = (byte) 200;
      img[i * 3 + 2] = (byte) 30;
    }
    BufferedImage decoded = decode(JpegEncoder.encode(img, 50, 30, 3, 90));
    assertThat(decoded.getWidth()).isEqualTo(50);
    assertThat(decoded.getHeight()).isEqualTo(30);
    assertThat(decoded.getRaster().getNumBands()).isEqualTo(3);
    int rgb = decoded.getRGB(25, 15);
    assertThat((rgb >> 16) & 0xFF).isBetween(190, 210);
    assertThat(rgb & 0xFF).isBetween(20, 40);
  }

  @Test
  @DisplayName("At quality 100 a smooth gradient survives with a mean absolute error below 1")
  void quality100Faithful() throws IOException {
    int w = 128;
    int h = 96;
    byte[] img = gradient(w, h);
    BufferedImage decoded = decode(JpegEncoder.encode(img, w, h, 1, 100));
    double sum = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        sum += Math.abs(decoded.getRaster().getSample(x, y, 0) - (img[y * w + x] & 0xFF));
      }
    }
    assertThat(sum / (w * h)).isLessThan(1.0);
  }

  private static byte[] gradient(int w, int h) {
    byte[] img = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img[y * w + x] = (byte) ((x * 255 / (w - 1) + y * 255 / (h - 1)) / 2);
      }
    }
    return img;
  }

  private static BufferedImage decode(byte[] jpeg) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image).isNotNull();
    return image;
  }
}
