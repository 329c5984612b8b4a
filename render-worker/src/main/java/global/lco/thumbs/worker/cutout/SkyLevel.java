package global.lco.thumbs.worker.cutout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The sky level and noise of a frame, as the cutout stretch needs them: about {@value #SAMPLES}
 * pixels drawn at random (missing ones skipped), clipped at {@value #CLIP}σ around their median until
 * nothing more is clipped, at most {@value #MAX_ROUNDS} rounds. The draw is seeded, so one frame
 * version always gives the same level, and the same cutout bytes.
 *
 * @param sky   the median of the pixels left
 * @param sigma their standard deviation
 */
public record SkyLevel(double sky, double sigma) {
  static final int SAMPLES = 10_000;
  static final double CLIP = 3;
  static final int MAX_ROUNDS = 30;

  public static SkyLevel measure(float[] px, long seed) {
    var random = new SplittableRandom(seed);
    double[] values = new double[SAMPLES];
    int n = 0;
    for (int i = 0; i < SAMPLES && px.length > 0; i++) {
      float v = px[random.nextInt(px.length)];
      if (Float.isFinite(v)) {
        values[n++] = v;
      }
    }
    if (n == 0) {
      return new SkyLevel(0, 0);
    }
    double[] kept = Arrays.copyOf(values, n);
    Arrays.sort(kept);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      double median = median(kept);
      double limit = CLIP * deviation(kept);
      double[] next = Arrays.stream(kept).filter(v -> Math.abs(v - median) <= limit).toArray();
      if (next.length == kept.length || next.length == 0) {
        break;
      }
      kept = next;
    }
    return new SkyLevel(median(kept), deviation(kept));
  }

  /** A seed from the frame's pixel version (its archive version id and md5, or file name). */
  public static long seedOf(String version) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((version == null ? "" : version).getBytes(StandardCharsets.UTF_8));
      long seed = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        seed = seed << 8 | (digest[i] & 0xFF);
      }
      return seed;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Sorted input stays sorted through the filter, so the median is a lookup. */
  private static double median(double[] sorted) {
    int mid = sorted.length / 2;
    return (sorted.length & 1) == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double deviation(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / values.length);
  }
}
