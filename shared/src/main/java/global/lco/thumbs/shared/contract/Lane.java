package global.lco.thumbs.shared.contract;

import java.util.Locale;

/**
 * Which queue a render job waits in on a worker. User jobs are admitted as they come; warm jobs
 * (rendered ahead of any request, see docs/warming.md) only run on render slots that user jobs
 * leave idle, and never hold a user job up.
 */
public enum Lane {
  USER,
  WARM;

  /** The JSON spelling, lower case. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Unknown or absent spellings are the user lane: an old gateway's jobs keep their priority. */
  public static Lane fromWire(String name) {
    return "warm".equals(name) ? WARM : USER;
  }
}
