package global.lco.thumbs.gateway.backfill;

/** What became of one frame; all but {@link #FAILED} are final, so the frame is journalled and skipped next time. */
enum Outcome {
  /** Every parameter set answered 200: stored now or before. */
  WARMED(true),
  /** The service refused it for good: not a frame that gets thumbnails (400), or unreadable (422). */
  NOT_THUMBNAILABLE(true),
  /** The archive does not have it, or not for this token (404). */
  NOT_FOUND(true),
  /** Already in the state file from an earlier run. */
  SKIPPED(true),
  /** Still failing after retries (5xx, timeouts, refused token): run the command again. */
  FAILED(false);

  private final boolean done;

  Outcome(boolean done) {
    this.done = done;
  }

  boolean done() {
    return done;
  }
}
