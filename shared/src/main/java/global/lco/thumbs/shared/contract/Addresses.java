package global.lco.thumbs.shared.contract;

/** Event-bus addresses. The version suffix changes whenever a message shape changes incompatibly. */
public final class Addresses {
  /**
   * Render jobs: request {@link RenderJob}, reply {@link RenderReply} or a {@link Failure}. Every
   * worker listens here; gateways use it when they know no worker yet (the event bus then picks one).
   */
  public static final String RENDER = "thumbs.render.v1";

  /** Workers publish their {@link WorkerStatus} here, twice a second and when they leave. */
  public static final String WORKERS = "thumbs.workers.v1";

  private Addresses() {
  }

  /** The address of one worker's render consumer, so a gateway can choose the worker itself. */
  public static String renderAt(String nodeId) {
    return RENDER + "." + nodeId;
  }
}
