package global.lco.thumbs.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnvTest {

  @Test
  @DisplayName("every bad value is recorded, so start-up can list all problems at once")
  void collectsAllProblems() {
    var problems = new ArrayList<String>();
    var env = new Env(Map.of("A", "x", "B", "99999", "C", "maybe", "D", "ftp://host"), problems);
    env.integer("A", 1, 0, 10);
    env.integer("B", 1, 0, 10);
    env.bool("C", false);
    env.httpUrl("D", "http://ok/", true);
    assertThat(problems).hasSize(4).anySatisfy(p -> assertThat(p).startsWith("A ")).anySatisfy(p -> assertThat(p).startsWith("D "));
    assertThatThrownBy(() -> ConfigException.throwIfAny(problems)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("B must be").hasMessageContaining("C must be");
  }

  @Test
  @DisplayName("unset and blank values take the default")
  void defaults() {
    var env = new Env(Map.of("BLANK", "  "), new ArrayList<>());
    assertThat(env.integer("BLANK", 7, 0, 10)).isEqualTo(7);
    assertThat(env.seconds("UNSET", Duration.ofHours(8), 1, 100_000)).isEqualTo(Duration.ofHours(8));
    assertThat(env.problems()).isEmpty();
  }

  @Test
  @DisplayName("lists drop spaces and empty items and compare upper-case, like the old service")
  void lists() {
    var env = new Env(Map.of("L", " expose, standard,,Bias "), new ArrayList<>());
    assertThat(env.upperList("L", "")).isEqualTo(List.of("EXPOSE", "STANDARD", "BIAS"));
    assertThat(env.list("M", "configuration_type, request_id")).isEqualTo(List.of("configuration_type", "request_id"));
  }

  @Test
  @DisplayName("a directory URL always ends with a slash")
  void directoryUrl() {
    var env = new Env(Map.of("U", "http://archive:9500"), new ArrayList<>());
    assertThat(env.httpUrl("U", "http://x/", true)).isEqualTo("http://archive:9500/");
  }
}
