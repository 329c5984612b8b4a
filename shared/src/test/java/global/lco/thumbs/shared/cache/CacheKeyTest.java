package global.lco.thumbs.shared.cache;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.CutoutParams;
import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
  private static final List<FrameSource> FRAME = List.of(new FrameSource(1001, "v1/abc", "f.fits.fz", "http://x/1"));

  @Test
  @DisplayName("the key is 64 lowercase hex characters and a fixed value for fixed inputs")
  void knownValue() {
    var key = CacheKey.of(FRAME, RenderParams.defaults());
    assertThat(key).matches("[0-9a-f]{64}");
    // Pinned (computed independently with Python's hashlib): a change invalidates every stored
    // thumbnail, so it must be deliberate, and no JVM, machine or restart may change it.
    assertThat(key).isEqualTo("718d560eadbc39022f77bb3be065445b3ba2a762772a4e10f5c663baeceb1c33");
    assertThat(CacheKey.canonical(FRAME, RenderParams.defaults())).isEqualTo("""
        thumbs-render-2
        mono
        frame 1001 6:v1/abc
        width 200
        height 200
        median false
        percentile -
        quality 80
        label 0:
        """);
  }

  @Test
  @DisplayName("the download URL is not part of the key (the archive mints a new one every time)")
  void urlIgnored() {
    var other = List.of(new FrameSource(1001, "v1/abc", "f.fits.fz", "http://x/2?X-Amz-Date=later"));
    assertThat(CacheKey.of(other, RenderParams.defaults())).isEqualTo(CacheKey.of(FRAME, RenderParams.defaults()));
  }

  @Test
  @DisplayName("a new pixel version of the same frame gets a new key")
  void versionMatters() {
    var reprocessed = List.of(new FrameSource(1001, "v2/def", "f.fits.fz", "http://x/1"));
    assertThat(CacheKey.of(reprocessed, RenderParams.defaults())).isNotEqualTo(CacheKey.of(FRAME, RenderParams.defaults()));
  }

  @Test
  @DisplayName("every render parameter changes the key")
  void parametersMatter() {
    var base = RenderParams.defaults();
    var variants = List.of(
        new RenderParams(201, 200, "", false, 99.5, 80), new RenderParams(200, 201, "", false, 99.5, 80),
        new RenderParams(200, 200, "x", false, 99.5, 80), new RenderParams(200, 200, "", true, 99.5, 80),
        new RenderParams(200, 200, "", false, 99.5, 81));
    var baseKey = CacheKey.of(FRAME, base);
    assertThat(variants).allSatisfy(v -> assertThat(CacheKey.of(FRAME, v)).isNotEqualTo(baseKey));
    assertThat(variants.stream().map(v -> CacheKey.of(FRAME, v)).distinct()).hasSize(variants.size());
  }

  @Test
  @DisplayName("the percentile only matters in median mode, where it is used")
  void percentileOnlyWithMedian() {
    assertThat(CacheKey.of(FRAME, new RenderParams(200, 200, "", false, 50, 80)))
        .isEqualTo(CacheKey.of(FRAME, RenderParams.defaults()));
    assertThat(CacheKey.of(FRAME, new RenderParams(200, 200, "", true, 50, 80)))
        .isNotEqualTo(CacheKey.of(FRAME, new RenderParams(200, 200, "", true, 99.5, 80)));
  }

  @Test
  @DisplayName("an absent label and an empty label share a key; labels cannot be forged across fields")
  void labelCanonical() {
    assertThat(CacheKey.of(FRAME, new RenderParams(200, 200, null, false, 99.5, 80)))
        .isEqualTo(CacheKey.of(FRAME, new RenderParams(200, 200, "", false, 99.5, 80)));
    var sneaky = new RenderParams(200, 200, "a\nquality 80", false, 99.5, 79);
    assertThat(CacheKey.of(FRAME, sneaky)).isNotEqualTo(CacheKey.of(FRAME, new RenderParams(200, 200, "a", false, 99.5, 80)));
  }

  @Test
  @DisplayName("orientation, format, planet mode and cutouts each change the key; legacy JPEG keeps the old key")
  void newParametersMatter() {
    var base = RenderParams.defaults();
    var cutout = new CutoutParams(10, 20, 30, 40, 1.5, 5, true);
    var variants = List.of(base.withOrientation(OrientationMode.WCS), base.withFormat(ImageFormat.PNG),
        base.withPlanet("jupiter"), base.withPlanet("saturn"), base.withPlanet(""), base.withCutout(cutout),
        base.withCutout(new CutoutParams(10, 20, 30, 40, 1.5, 5, false)),
        base.withCutout(new CutoutParams(11, 20, 30, 40, 1.5, 5, true)));
    var keys = variants.stream().map(v -> CacheKey.of(FRAME, v)).toList();
    assertThat(keys).doesNotContain(CacheKey.of(FRAME, base)).doesNotHaveDuplicates();
    assertThat(CacheKey.of(FRAME, base.withOrientation(OrientationMode.LEGACY).withFormat(ImageFormat.JPEG)))
        .isEqualTo("718d560eadbc39022f77bb3be065445b3ba2a762772a4e10f5c663baeceb1c33");
  }

  @Test
  @DisplayName("a PNG's key is its hash followed by .png, a JPEG's the bare hash")
  void pngKeySuffix() {
    assertThat(CacheKey.of(FRAME, RenderParams.defaults().withFormat(ImageFormat.PNG))).matches("[0-9a-f]{64}\\.png");
    assertThat(CacheKey.of(FRAME, RenderParams.defaults())).matches("[0-9a-f]{64}");
  }

  @Test
  @DisplayName("outside planet mode the target name is not part of the key")
  void targetOnlyInPlanetMode() {
    var planet = RenderParams.defaults().withPlanet("jupiter");
    var plain = new RenderParams(200, 200, "", false, 99.5, 80, OrientationMode.LEGACY, ImageFormat.JPEG, false,
        "jupiter", null);
    assertThat(plain.target()).isEmpty();
    assertThat(CacheKey.of(FRAME, plain)).isEqualTo(CacheKey.of(FRAME, RenderParams.defaults()));
    assertThat(CacheKey.canonical(FRAME, planet)).endsWith("label 0:\nplanet 7:jupiter\n");
  }
}
