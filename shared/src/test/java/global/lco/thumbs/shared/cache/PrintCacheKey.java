package global.lco.thumbs.shared.cache;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.RenderParams;
import java.util.List;

/** Prints one cache key, so a test can compare what another JVM computes. */
public final class PrintCacheKey {
  private PrintCacheKey() {
  }

  static final List<FrameSource> FRAMES = List.of(new FrameSource(1001, "v9/0f3c", "a-e91.fits.fz", "http://x/a"));
  static final RenderParams PARAMS = new RenderParams(500, 400, "NGC 7000 ✓", true, 99.0, 90);

  public static void main(String[] args) {
    System.out.println(CacheKey.of(FRAMES, PARAMS));
  }
}
