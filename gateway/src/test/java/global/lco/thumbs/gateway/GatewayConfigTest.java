package global.lco.thumbs.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.contract.OrientationMode;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  @DisplayName("THUMBNAIL_ORIENTATION is legacy by default, wcs when set, and anything else a start-up problem")
  void orientationSetting() {
    var problems = new ArrayList<String>();
    assertThat(GatewayConfig.fromEnv(new Env(Map.of(), problems)).orientation()).isEqualTo(OrientationMode.LEGACY);
    assertThat(GatewayConfig.fromEnv(new Env(Map.of("THUMBNAIL_ORIENTATION", "WCS"), problems)).orientation())
        .isEqualTo(OrientationMode.WCS);
    assertThat(problems).isEmpty();
    GatewayConfig.fromEnv(new Env(Map.of("THUMBNAIL_ORIENTATION", "north"), problems));
    assertThat(problems).containsExactly("THUMBNAIL_ORIENTATION must be wcs or legacy, got 'north'");
  }
}
