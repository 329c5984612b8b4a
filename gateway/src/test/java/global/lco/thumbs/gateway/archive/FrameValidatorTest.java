package global.lco.thumbs.gateway.archive;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.contract.Problem;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FrameValidatorTest {
  private final FrameValidator validator = new FrameValidator(ValidationRules.fromEnv(new Env(Map.of(), new ArrayList<>())));

  private static JsonObject frame() {
    return new JsonObject().put("id", 5).put("configuration_type", "EXPOSE").put("request_id", 77)
        .put("filename", "x-e91.fits.fz").put("url", "http://files/x").put("proposal_id", "P");
  }

  private String reason(JsonObject frame, boolean color) {
    return validator.check(new ArchiveFrame(frame), color).map(Problem::getMessage).orElse(null);
  }

  @Test
  @DisplayName("a complete EXPOSE frame passes, mono and colour")
  void valid() {
    assertThat(reason(frame(), false)).isNull();
    assertThat(reason(frame(), true)).isNull();
  }

  @Test
  @DisplayName("rule 1: a missing required key (null is fine) is refused")
  void requiredKeys() {
    var missing = frame();
    missing.remove("request_id");
    assertThat(reason(missing, false)).isEqualTo("Cannot generate thumbnail for given frame");
    assertThat(reason(frame().putNull("request_id"), false)).isNull();
  }

  @Test
  @DisplayName("rule 2: the configuration type must be an image type, compared upper-case")
  void configurationType() {
    assertThat(reason(frame().put("configuration_type", "CATALOG"), false))
        .isEqualTo("Cannot generate thumbnail for configuration_type=CATALOG");
    assertThat(reason(frame().put("configuration_type", "expose"), false)).isNull();
  }

  @Test
  @DisplayName("rule 3: colour needs a request")
  void colourNeedsRequest() {
    assertThat(reason(frame().putNull("request_id"), true))
        .isEqualTo("Cannot generate color thumbnail for a frame that does not have a request");
  }

  @Test
  @DisplayName("rule 4: colour only for colour types")
  void colourTypes() {
    assertThat(reason(frame().put("configuration_type", "BIAS"), true))
        .isEqualTo("Cannot generate color thumbnail for configuration_type=BIAS");
    assertThat(reason(frame().put("configuration_type", "BIAS"), false)).isNull();
  }

  @Test
  @DisplayName("rule 5: only .fits and .fits.fz files")
  void fitsOnly() {
    assertThat(reason(frame().put("filename", "x.tar.gz"), false)).isEqualTo("Cannot generate thumbnail for non FITS-type frame");
    assertThat(reason(frame().put("filename", "x.fits"), false)).isNull();
  }

  @Test
  @DisplayName("the rules apply in order: the first failure is the reason")
  void order() {
    var frame = frame().put("configuration_type", "CATALOG").putNull("request_id").put("filename", "x.tar.gz");
    assertThat(reason(frame, true)).isEqualTo("Cannot generate thumbnail for configuration_type=CATALOG");
  }

  @Test
  @DisplayName("a frame with no downloadable version is not found")
  void versionless() {
    var problem = validator.check(new ArchiveFrame(frame().putNull("url").putNull("filename")), false);
    assertThat(problem).get().extracting(Problem::status).isEqualTo(404);
  }

  @Test
  @DisplayName("the lists come from the old environment variables")
  void customLists() {
    var rules = ValidationRules.fromEnv(new Env(Map.of("VALID_CONFIGURATION_TYPES", "expose, catalog",
        "REQUIRED_FRAME_VALIDATION_KEYS", "filename"), new ArrayList<>()));
    var custom = new FrameValidator(rules);
    var frame = frame().put("configuration_type", "CATALOG");
    frame.remove("request_id");
    assertThat(custom.check(new ArchiveFrame(frame), false)).isEmpty();
  }
}
