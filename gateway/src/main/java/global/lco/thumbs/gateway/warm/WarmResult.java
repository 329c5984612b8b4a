package global.lco.thumbs.gateway.warm;

/**
 * What warming one frame came to, when it needs no retry.
 *
 * @param outcome the {@code thumbs_warm_messages} outcome
 * @param mono    thumbnails of the frame itself rendered now (the others were stored already)
 * @param colour  colour thumbnails of its request rendered now
 */
public record WarmResult(String outcome, int mono, int colour) {
  static final String RENDERED = "rendered";
  static final String ALREADY_STORED = "already_stored";
  static final String NOT_NEEDED = "not_needed";
  static final String GONE = "gone";
  static final String DEAD_LETTERED = "dead_lettered";

  static WarmResult of(int mono, int colour) {
    return new WarmResult(mono + colour > 0 ? RENDERED : ALREADY_STORED, mono, colour);
  }

  static WarmResult nothing(String outcome) {
    return new WarmResult(outcome, 0, 0);
  }
}
