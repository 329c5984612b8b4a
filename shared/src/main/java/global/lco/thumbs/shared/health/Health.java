package global.lco.thumbs.shared.health;

/** The liveness answer every node gives on {@code /health}: the process runs and its event loop answers. */
public final class Health {
  public static final String UP = "{\"status\":\"UP\"}";

  private Health() {
  }
}
