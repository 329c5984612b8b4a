package global.lco.thumbs.worker.compare;

import global.lco.thumbs.worker.render.Picture;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Pictures to and from lossless PNG files: grey stays one channel, anything else becomes RGB. */
public final class PictureFiles {

  private PictureFiles() {
  }

  public static Picture read(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    if (image == null) {
      throw new IOException(png + ": not an image ImageIO can read");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] grey = new byte[w * h];
      image.getRaster().getDataElements(0, 0, w, h, grey);
      return new Picture(grey, w, h, 1);
    }
    byte[] rgb = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = image.getRGB(x, y);
        int i = (y * w + x) * 3;
        rgb[i] = (byte) (argb >> 16);
        rgb[i + 1] = (byte) (argb >> 8);
        rgb[i + 2] = (byte) argb;
      }
    }
    return new Picture(rgb, w, h, 3);
  }

  /** The picture as RGB: grey replicated into the three channels, RGB as it is. */
  public static Picture rgb(Picture picture) {
    if (picture.channels() == 3) {
      return picture;
    }
    byte[] grey = picture.pixels();
    byte[] rgb = new byte[grey.length * 3];
    for (int i = 0; i < grey.length; i++) {
      rgb[3 * i] = grey[i];
      rgb[3 * i + 1] = grey[i];
      rgb[3 * i + 2] = grey[i];
    }
    return new Picture(rgb, picture.width(), picture.height(), 3);
  }

  public static void write(Picture picture, Path png) throws IOException {
    int w = picture.width();
    int h = picture.height();
    BufferedImage image = new BufferedImage(w, h,
        picture.channels() == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    if (picture.channels() == 1) {
      System.arraycopy(picture.pixels(), 0, target, 0, target.length);
    } else {
      byte[] rgb = picture.pixels();
      for (int i = 0; i < w * h; i++) {
        target[3 * i] = rgb[3 * i + 2];
        target[3 * i + 1] = rgb[3 * i + 1];
        target[3 * i + 2] = rgb[3 * i];
      }
    }
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer");
    }
  }
}
