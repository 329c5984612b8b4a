package global.lco.thumbs.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.shared.contract.CutoutParams;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.Problem;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CutoutQueryTest {

  private static ThumbnailQuery parse(String... pairs) {
    var map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return CutoutQuery.parse(map, 10_000, OrientationMode.LEGACY);
  }

  @Test
  @DisplayName("x and y alone give a 100×100 cutout at zoom 1, sigma 10, no ticks, as the image")
  void defaults() {
    var q = parse("x", "700", "y", "-20");
    assertThat(q.params().cutout()).isEqualTo(new CutoutParams(700, -20, 100, 100, 1, 10, false));
    assertThat(q.image()).isTrue();
    assertThat(q.color()).isFalse();
    assertThat(q.params().format()).isEqualTo(ImageFormat.JPEG);
  }

  @Test
  @DisplayName("every cutout parameter is read, with format, quality and orient as for thumbnails")
  void allParameters() {
    var q = parse("x", "1", "y", "2", "width", "30", "height", "40", "zoom", "0.25", "sigma", "3.5", "ticks", "on",
        "format", "png", "quality", "95", "orient", "wcs");
    assertThat(q.params().cutout()).isEqualTo(new CutoutParams(1, 2, 30, 40, 0.25, 3.5, true));
    assertThat(q.params().format()).isEqualTo(ImageFormat.PNG);
    assertThat(q.params().quality()).isEqualTo(95);
    assertThat(q.params().orientation()).isEqualTo(OrientationMode.WCS);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource({"zoom,0", "zoom,-1", "zoom,abc", "zoom,1e2", "zoom,101", "sigma,0", "sigma,-2", "sigma,NaN",
      "width,0", "height,10001", "ticks,maybe", "x,1.5", "y,abc", "format,tiff", "orient,up", "quality,0"})
  @DisplayName("bad values are a 400 naming the parameter (zoom 101 makes a 10 100 pixel picture)")
  void badValues(String name, String value) {
    var pairs = new String[] {name, value, "x", "5", "y", "5"};
    assertThatThrownBy(() -> parse(pairs))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.status()).isEqualTo(400);
          assertThat(p.getMessage()).contains("'" + name + "'");
        });
  }

  @Test
  @DisplayName("x and y are required")
  void centreRequired() {
    assertThatThrownBy(() -> parse("y", "5")).isInstanceOf(Problem.class).hasMessageContaining("'x'");
    assertThatThrownBy(() -> parse("x", "5")).isInstanceOf(Problem.class).hasMessageContaining("'y'");
  }
}
