package global.lco.thumbs.worker.planet;

import java.util.Locale;
import java.util.Map;

/**
 * The square-root stretch's gain per planet, from upstream's open colour change: bright discs get
 * less, faint ones and Saturn's rings more. The target name is matched whole, in any case.
 */
public final class PlanetGain {
  public static final double DEFAULT = 1;
  private static final Map<String, Double> GAINS = Map.of("saturn", 5.0, "jupiter", 1.4, "mars", 5.0, "uranus", 0.5);

  private PlanetGain() {
  }

  public static double forTarget(String target) {
    return target == null ? DEFAULT : GAINS.getOrDefault(target.trim().toLowerCase(Locale.ROOT), DEFAULT);
  }
}
