package global.lco.thumbs.worker.compare;

import global.lco.thumbs.worker.render.Picture;

/**
 * How far one 8-bit picture is from another of the same size, per channel (grey, or R, G, B).
 *
 * @param meanDifference  mean absolute difference in levels, per channel
 * @param ssim            structural similarity, per channel (1 = identical)
 * @param maxDifference   largest absolute difference of any sample
 * @param differingPixels pixels that differ in at least one channel
 */
public record ImageDifference(double[] meanDifference, double[] ssim, int maxDifference, long differingPixels) {

  public static ImageDifference between(Picture ours, Picture reference) {
    if (ours.width() != reference.width() || ours.height() != reference.height()
        || ours.channels() != reference.channels()) {
      throw new IllegalArgumentException("pictures differ in size: " + describe(ours) + " against " + describe(reference));
    }
    int channels = ours.channels();
    byte[] a = ours.pixels();
    byte[] b = reference.pixels();
    long[] sums = new long[channels];
    int max = 0;
    long differing = 0;
    for (int p = 0; p < ours.width() * ours.height(); p++) {
      boolean differs = false;
      for (int c = 0; c < channels; c++) {
        int d = Math.abs((a[p * channels + c] & 0xFF) - (b[p * channels + c] & 0xFF));
        sums[c] += d;
        max = Math.max(max, d);
        differs |= d != 0;
      }
      if (differs) {
        differing++;
      }
    }
    double[] mean = new double[channels];
    double[] ssim = new double[channels];
    for (int c = 0; c < channels; c++) {
      mean[c] = (double) sums[c] / ((long) ours.width() * ours.height());
      ssim[c] = Ssim.of(a, b, ours.width(), ours.height(), channels, c);
    }
    return new ImageDifference(mean, ssim, max, differing);
  }

  /** The largest of the per-channel mean differences. */
  public double worstMean() {
    double worst = 0;
    for (double m : meanDifference) {
      worst = Math.max(worst, m);
    }
    return worst;
  }

  /** The smallest of the per-channel SSIMs. */
  public double worstSsim() {
    double worst = 1;
    for (double s : ssim) {
      worst = Math.min(worst, s);
    }
    return worst;
  }

  static String describe(Picture picture) {
    return picture.width() + "x" + picture.height() + (picture.channels() == 1 ? " grey" : " RGB");
  }
}
