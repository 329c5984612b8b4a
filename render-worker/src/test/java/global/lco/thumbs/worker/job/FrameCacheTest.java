package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.CutoutParams;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.pixels.Plane;
import global.lco.thumbs.worker.tile.RgbFrame;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameCacheTest {

  private static FrameCache.Key key(long id) {
    return new FrameCache.Key(id, "v1", false, 0, OrientationMode.LEGACY, null);
  }

  private static Plane frame(int bytes) {
    return new Plane(new byte[bytes], bytes, 1);
  }

  @Test
  @DisplayName("The least recently used frame goes first when the bytes run out")
  void evictsLeastRecentlyUsed() {
    var cache = new FrameCache(300);
    cache.put(key(1), frame(100));
    cache.put(key(2), frame(100));
    cache.put(key(3), frame(100));
    assertThat(cache.get(key(1))).isNotNull(); // 2 is now the eldest
    cache.put(key(4), frame(100));
    assertThat(cache.get(key(2))).isNull();
    assertThat(cache.get(key(1))).isNotNull();
    assertThat(cache.usedBytes()).isEqualTo(300);
    assertThat(cache.size()).isEqualTo(3);
  }

  @Test
  @DisplayName("A frame larger than the whole cache, or a zero-sized cache, keeps nothing")
  void tooLarge() {
    var cache = new FrameCache(50);
    cache.put(key(1), frame(51));
    assertThat(cache.size()).isZero();
    var off = new FrameCache(0);
    off.put(key(1), frame(1));
    assertThat(off.get(key(1))).isNull();
  }

  @Test
  @DisplayName("Size, label and quality share a frame; median and its percentile, or another version, do not")
  void keys() {
    var frame = new FrameSource(1001, "abc", "f.fits.fz", "http://x/");
    var plain = FrameCache.Key.of(frame, new RenderParams(200, 200, "", false, 99.5, 80));
    assertThat(FrameCache.Key.of(frame, new RenderParams(4000, 4000, "label", false, 90, 95))).isEqualTo(plain);
    assertThat(FrameCache.Key.of(frame, new RenderParams(200, 200, "", true, 99.5, 80))).isNotEqualTo(plain)
        .isNotEqualTo(FrameCache.Key.of(frame, new RenderParams(200, 200, "", true, 99, 80)));
    assertThat(FrameCache.Key.of(new FrameSource(1001, "def", "f.fits.fz", "http://x/"), RenderParams.defaults()))
        .isNotEqualTo(plain);
    assertThat(FrameCache.Key.of(new FrameSource(1001, null, "f.fits.fz", "http://x/"), RenderParams.defaults())).isNull();
    var base = RenderParams.defaults();
    assertThat(FrameCache.Key.of(frame, base.withFormat(ImageFormat.PNG))).as("format is applied after").isEqualTo(plain);
    assertThat(FrameCache.Key.of(frame, base.withOrientation(OrientationMode.WCS))).isNotEqualTo(plain);
    assertThat(FrameCache.Key.of(frame, base.withPlanet("jupiter"))).isNotEqualTo(plain)
        .isNotEqualTo(FrameCache.Key.of(frame, base.withPlanet("saturn")));
    assertThat(FrameCache.Key.of(frame, base.withCutout(new CutoutParams(1, 1, 10, 10, 1, 5, false)))).isNull();
  }

  @Test
  @DisplayName("Colour composites share the capacity and the eviction order with frames, at three bytes a pixel")
  void keepsComposites() {
    var cache = new FrameCache(400);
    var composite = new FrameCache.CompositeKey(key(1), key(2), key(3));
    cache.put(key(1), frame(100));
    cache.put(composite, new RgbFrame(frame(100), frame(100), frame(100)));
    assertThat(cache.usedBytes()).isEqualTo(400);
    assertThat(cache.get(composite).width()).isEqualTo(100);
    assertThat(cache.get(key(1))).as("the frame and the composite are different entries").isNotNull();
    cache.put(key(4), frame(100));
    assertThat(cache.get(composite)).as("the least recently used goes first").isNull();
    var frames = List.of(new FrameSource(1, "v1", "r.fits", "u"), new FrameSource(2, "v1", "g.fits", "u"),
        new FrameSource(3, "", "b.fits", "u"));
    assertThat(FrameCache.CompositeKey.of(frames, RenderParams.defaults())).as("a frame without a version").isNull();
  }
}
