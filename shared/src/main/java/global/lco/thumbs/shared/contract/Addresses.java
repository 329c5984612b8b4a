package global.lco.thumbs.shared.contract;

/** Event-bus addresses. The version suffix changes whenever a message shape changes incompatibly. */
public final class Addresses {
  /** Render jobs: request {@link RenderJob}, reply {@link RenderReply} or a {@link Failure}. */
  public static final String RENDER = "thumbs.render.v1";

  private Addresses() {
  }
}
