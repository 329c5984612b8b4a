package global.lco.thumbs.worker.render;

import global.lco.thumbs.shared.contract.ImageFormat;

/**
 * A finished thumbnail before JPEG encoding: interleaved 8-bit pixels, 1 (grey) or 3 (RGB)
 * channels. What the reference renderer's output is compared with, since JPEG adds its own noise.
 */
public record Picture(byte[] pixels, int width, int height, int channels) {

  public Picture {
    if ((channels != 1 && channels != 3) || pixels.length != width * height * channels) {
      throw new IllegalArgumentException("a " + width + "x" + height + " picture of " + channels
          + " channels needs that many bytes");
    }
  }

  public byte[] jpeg(int quality) {
    return JpegEncoder.encode(pixels, width, height, channels, quality);
  }

  /** The picture as a JPEG at {@code quality}, or as a lossless PNG (which has no quality). */
  public byte[] encode(ImageFormat format, int quality) {
    return format == ImageFormat.PNG ? PngEncoder.encode(pixels, width, height, channels) : jpeg(quality);
  }
}
