package global.lco.thumbs.worker.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Lossless 8-bit PNG through the JDK's ImageIO writer: greyscale for 1 channel, RGB for 3. */
public final class PngEncoder {

  private PngEncoder() {
  }

  public static byte[] encode(byte[] img, int w, int h, int channels) {
    var image = JpegEncoder.wrap(img, w, h, channels);
    var bytes = new ByteArrayOutputStream(Math.max(1024, w * h * channels / 2));
    // In memory, as for JPEG: no temp files on a busy worker's disk.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG ImageWriter available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
