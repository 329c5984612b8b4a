package global.lco.thumbs.gateway.warm;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.contract.RenderParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarmConfigTest {
  private final List<String> problems = new ArrayList<>();

  private WarmConfig read(Map<String, String> vars) {
    return WarmConfig.fromEnv(new Env(vars, problems), 10_000);
  }

  @Test
  @DisplayName("Off without WARM_BROKER_URL; the defaults warm one 200x200 thumbnail and colour, from thumbnails-warm on archived_fits")
  void defaults() {
    var config = read(Map.of());
    assertThat(problems).isEmpty();
    assertThat(config.enabled()).isFalse();
    assertThat(config.exchange()).isEqualTo("archived_fits");
    assertThat(config.queue()).isEqualTo("thumbnails-warm");
    assertThat(config.deadLetterQueue()).isEqualTo("thumbnails-warm.dead");
    assertThat(config.thumbnails()).containsExactly(new RenderParams(200, 200, "", false, 99.5, 80));
    assertThat(config.colour()).isTrue();
    assertThat(config.authorization()).isNull();
  }

  @Test
  @DisplayName("WARM_THUMBNAILS sets are read as request queries, so equal spellings give equal parameters (and cache keys)")
  void thumbnailSets() {
    var config = read(Map.of("WARM_BROKER_URL", "amqp://u:p@broker:5672/%2F",
        "WARM_THUMBNAILS", "width=200&height=200; width=1000&height=1000&median=true ;width=0200&height=200&label="));
    assertThat(problems).isEmpty();
    assertThat(config.enabled()).isTrue();
    assertThat(config.thumbnails()).containsExactly(
        new RenderParams(200, 200, "", false, 99.5, 80),
        new RenderParams(1000, 1000, "", true, 99.5, 80),
        new RenderParams(200, 200, "", false, 99.5, 80));
  }

  @Test
  @DisplayName("Every problem is reported at once: a bad broker URL, a bad parameter set, colour in a set, numbers out of range")
  void problemsTogether() {
    read(Map.of("WARM_BROKER_URL", "http://user:secret@broker/", "WARM_THUMBNAILS", "width=0;color=true",
        "WARM_PREFETCH", "0", "WARM_COLOUR", "maybe"));
    assertThat(problems).hasSize(5);
    assertThat(String.join("\n", problems)).contains("WARM_BROKER_URL", "Invalid parameter 'width'", "WARM_COLOUR",
        "WARM_PREFETCH").doesNotContain("secret");
  }

  @Test
  @DisplayName("A bare WARM_ARCHIVE_TOKEN is sent as the archive's Token scheme, a whole header value as it is; neither is printed")
  void token() {
    var token = read(Map.of("WARM_ARCHIVE_TOKEN", "abc123", "WARM_BROKER_URL", "amqp://u:pw@h"));
    assertThat(token.authorization()).isEqualTo("Token abc123");
    assertThat(token.toString()).doesNotContain("abc123", "pw");
    assertThat(read(Map.of("WARM_ARCHIVE_TOKEN", "Bearer xyz")).authorization()).isEqualTo("Bearer xyz");
  }
}
