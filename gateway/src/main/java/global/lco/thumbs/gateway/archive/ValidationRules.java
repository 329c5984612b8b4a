package global.lco.thumbs.gateway.archive;

import global.lco.thumbs.shared.config.Env;
import java.util.List;

/**
 * The old service's three validation lists (docs/api.md, validation), with their old names and defaults.
 * Items are compared upper-case; required keys keep their case (they are JSON keys).
 */
public record ValidationRules(List<String> requiredKeys, List<String> validTypes, List<String> validColorTypes) {
  public static final String DEFAULT_REQUIRED_KEYS = "configuration_type,request_id,filename";
  public static final String DEFAULT_VALID_TYPES =
      "ARC,BIAS,BPM,DARK,DOUBLE,EXPERIMENTAL,EXPOSE,GUIDE,LAMPFLAT,SKYFLAT,SPECTRUM,STANDARD,TARGET,TRAILED";
  public static final String DEFAULT_VALID_COLOR_TYPES = "EXPOSE,STANDARD";

  public static ValidationRules fromEnv(Env env) {
    return new ValidationRules(
        env.list("REQUIRED_FRAME_VALIDATION_KEYS", DEFAULT_REQUIRED_KEYS),
        env.upperList("VALID_CONFIGURATION_TYPES", DEFAULT_VALID_TYPES),
        env.upperList("VALID_CONFIGURATION_TYPES_FOR_COLOR_THUMBS", DEFAULT_VALID_COLOR_TYPES));
  }
}
