package global.lco.thumbs.gateway.warm;

import global.lco.thumbs.shared.contract.Failure;
import global.lco.thumbs.shared.contract.Problem;
import java.util.Locale;

/** Which failures of a warm attempt are worth another try, and how to name them in metrics and dead letters. */
final class WarmFailures {
  private WarmFailures() {
  }

  /**
   * True for what may pass: the archive or store down or slow, no worker or no idle slot, a refused
   * token (an operator may fix it meanwhile), a bug. False for what the file itself causes.
   */
  static boolean worthRetrying(Throwable err) {
    if (!(err instanceof Problem problem)) {
      return true;
    }
    return switch (problem.failure()) {
      case UNREADABLE_FITS, TOO_LARGE, QUARANTINED, BAD_PARAMETER, INVALID_FRAME, NOT_FOUND, COLOR_FRAMES_NOT_FOUND -> false;
      case ARCHIVE_REFUSED, UPSTREAM_ERROR, UPSTREAM_TIMEOUT, BUSY, NO_WORKERS, STORE_UNAVAILABLE, INTERNAL -> true;
    };
  }

  /** A small fixed set for the {@code reason} tag: the failure code in lower case, or {@code error}. */
  static String code(Throwable err) {
    return err instanceof Problem p ? p.failure().name().toLowerCase(Locale.ROOT) : "error";
  }

  /** For the dead letter's reason header: code and public message, never a stack trace, URL or token. */
  static String describe(Throwable err) {
    if (err instanceof Problem p) {
      return code(err) + ": " + p.getMessage();
    }
    return "error: " + Failure.INTERNAL.publicMessage();
  }
}
