package global.lco.thumbs.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {
  private static final String HASH = "a".repeat(64);
  private final ObjectNames names = new ObjectNames("thumbs/");

  @Test
  @DisplayName("a JPEG key is stored as .jpg, a PNG key under its own .png name, each with its content type")
  void namesAndTypes() {
    assertThat(names.of(HASH)).isEqualTo("thumbs/" + HASH + ".jpg");
    assertThat(names.of(HASH + ".png")).isEqualTo("thumbs/" + HASH + ".png");
    assertThat(ObjectNames.contentType(HASH)).isEqualTo("image/jpeg");
    assertThat(ObjectNames.contentType(HASH + ".png")).isEqualTo("image/png");
  }

  @Test
  @DisplayName("object names map back to their keys; names this rule never makes map to nothing")
  void keysBack() {
    assertThat(names.keyOf("thumbs/" + HASH + ".jpg")).isEqualTo(HASH);
    assertThat(names.keyOf("thumbs/" + HASH + ".png")).isEqualTo(HASH + ".png");
    assertThat(names.keyOf("thumbs/" + HASH)).isNull();
    assertThat(names.keyOf("thumbs/" + HASH + ".png.jpg")).isNull();
    assertThat(names.keyOf("other/" + HASH + ".jpg")).isNull();
  }

  @Test
  @DisplayName("anything but a cache key is refused as an object name")
  void refusesOtherStrings() {
    assertThatThrownBy(() -> names.of("../" + HASH)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> names.of(HASH + ".gif")).isInstanceOf(IllegalArgumentException.class);
  }
}
