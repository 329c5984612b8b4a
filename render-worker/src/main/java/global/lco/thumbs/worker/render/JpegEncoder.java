package global.lco.thumbs.worker.render;

import java.awt.Point;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Baseline JPEG through the JDK's ImageIO writer: greyscale for 1 channel, JFIF YCbCr 4:2:0 for RGB. */
public final class JpegEncoder {

  private JpegEncoder() {
  }

  public static byte[] encode(byte[] img, int w, int h, int channels, int quality) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("quality must be 1..100, got " + quality);
    }
    BufferedImage image = wrap(img, w, h, channels);
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    if (!writers.hasNext()) {
      throw new IllegalStateException("no JPEG ImageWriter available");
    }
    ImageWriter writer = writers.next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(1024, w * h * channels / 8));
    // A memory-cached stream: ImageIO's default file cache would put temp files on a busy worker's disk.
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality / 100f);
      param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Wraps the interleaved bytes without copying; band offsets 0,1,2 make the RGB order explicit. */
  static BufferedImage wrap(byte[] img, int w, int h, int channels) {
    int[] offsets = channels == 1 ? new int[] {0} : new int[] {0, 1, 2};
    DataBufferByte buffer = new DataBufferByte(img, w * h * channels);
    WritableRaster raster = Raster.createInterleavedRaster(buffer, w, h, w * channels, channels, offsets, (Point) null);
    ColorSpace space = ColorSpace.getInstance(channels == 1 ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    return new BufferedImage(model, raster, false, null);
  }
}
