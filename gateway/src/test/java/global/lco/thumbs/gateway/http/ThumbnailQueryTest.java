package global.lco.thumbs.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.shared.contract.ImageFormat;
import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.shared.contract.RenderParams;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThumbnailQueryTest {

  private static ThumbnailQuery parse(String... pairs) {
    var map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return ThumbnailQuery.parse(map, 10_000);
  }

  @Test
  @DisplayName("no parameters give the documented defaults")
  void defaults() {
    var q = parse();
    assertThat(q.params()).isEqualTo(RenderParams.defaults());
    assertThat(q.color()).isFalse();
    assertThat(q.image()).isFalse();
  }

  @Test
  @DisplayName("leading zeros parse to the same numbers (so width=0200 and width=200 share a key)")
  void leadingZeros() {
    assertThat(parse("width", "0200", "height", "00150").params()).isEqualTo(parse("width", "200", "height", "150").params());
  }

  @Test
  @DisplayName("the first of repeated parameters wins")
  void firstWins() {
    assertThat(parse("width", "300", "width", "abc").params().width()).isEqualTo(300);
  }

  @ParameterizedTest(name = "{0}={1} is {2}")
  @CsvSource({"color,true,true", "color,TRUE,true", "color,1,true", "color,Yes,true", "color,on,true",
      "color,false,false", "color,0,false", "color,NO,false", "color,off,false", "color,'',false",
      "image,True,true", "median,yes,true"})
  @DisplayName("booleans accept true/false/1/0/yes/no/on/off in any case; empty is false")
  void booleans(String name, String value, boolean expected) {
    var q = parse(name, value);
    var actual = switch (name) {
      case "color" -> q.color();
      case "image" -> q.image();
      default -> q.params().median();
    };
    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}={1} is refused")
  @CsvSource({"width,0", "width,-1", "width,10001", "width,1e3", "width,0x10", "width,20.5", "width,''", "width,' 200'",
      "width,99999999999999999999", "height,abc", "quality,0", "quality,101", "percentile,0", "percentile,100.01",
      "percentile,-5", "percentile,NaN", "percentile,Infinity", "percentile,1e2", "color,maybe", "median,2", "image,y",
      "orient,north", "orient,''", "orient,'WCS '", "format,jpg", "format,gif", "format,''", "planet,jupiter"})
  @DisplayName("bad values are a 400 naming the parameter")
  void badValues(String name, String value) {
    assertThatThrownBy(() -> parse(name, value))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.status()).isEqualTo(400);
          assertThat(p.getMessage()).contains("'" + name + "'");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "0.5", "99.5", ".5", "50."})
  @DisplayName("percentile takes plain decimals in (0, 100]")
  void percentiles(String value) {
    assertThat(parse("percentile", value).params().percentile()).isEqualTo(Double.parseDouble(value));
  }

  @Test
  @DisplayName("labels up to 256 characters are taken, longer ones refused")
  void labelLength() {
    assertThat(parse("label", "é".repeat(256)).params().label()).hasSize(256);
    assertThatThrownBy(() -> parse("label", "x".repeat(257))).isInstanceOf(Problem.class).hasMessageContaining("'label'");
  }

  @Test
  @DisplayName("the largest side follows MAX_THUMBNAIL_SIDE")
  void maxSide() {
    var map = MultiMap.caseInsensitiveMultiMap().add("width", "600");
    assertThatThrownBy(() -> ThumbnailQuery.parse(map, 500)).isInstanceOf(Problem.class).hasMessageContaining("1 to 500");
  }

  @Test
  @DisplayName("orient, format and planet parse in any case; orient defaults to THUMBNAIL_ORIENTATION")
  void newParameters() {
    var q = parse("orient", "WCS", "format", "PNG", "planet", "yes");
    assertThat(q.params().orientation()).isEqualTo(OrientationMode.WCS);
    assertThat(q.params().format()).isEqualTo(ImageFormat.PNG);
    assertThat(q.params().planet()).isTrue();
    assertThat(parse("orient", "legacy").params().orientation()).isEqualTo(OrientationMode.LEGACY);
    var none = MultiMap.caseInsensitiveMultiMap();
    assertThat(ThumbnailQuery.parse(none, 10_000, OrientationMode.WCS).params().orientation()).isEqualTo(OrientationMode.WCS);
    var legacy = MultiMap.caseInsensitiveMultiMap().add("orient", "legacy");
    assertThat(ThumbnailQuery.parse(legacy, 10_000, OrientationMode.WCS).params().orientation())
        .isEqualTo(OrientationMode.LEGACY);
  }

  @Test
  @DisplayName("for a frame, a spectrum keeps the legacy flip and planet mode takes target_name, else OBJECT")
  void forFrame() {
    var asked = parse("orient", "wcs", "planet", "true");
    var spectrum = new ArchiveFrame(new JsonObject().put("configuration_type", "spectrum").put("target_name", "Mars"));
    assertThat(asked.forFrame(spectrum).params().orientation()).isEqualTo(OrientationMode.LEGACY);
    assertThat(asked.forFrame(spectrum).params().target()).isEqualTo("Mars");
    var image = new ArchiveFrame(new JsonObject().put("configuration_type", "EXPOSE").put("target_name", "")
        .put("OBJECT", "Saturn "));
    assertThat(asked.forFrame(image).params().orientation()).isEqualTo(OrientationMode.WCS);
    assertThat(asked.forFrame(image).params().target()).isEqualTo("Saturn");
    assertThat(parse().forFrame(image).params().target()).as("no planet mode, no target").isEmpty();
  }
}
