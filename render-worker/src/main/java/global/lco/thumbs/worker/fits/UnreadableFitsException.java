package global.lco.thumbs.worker.fits;

/** The bytes are not a FITS file we can render; the message is safe to show to the caller. */
public final class UnreadableFitsException extends Exception {
  public UnreadableFitsException(String message) {
    super(message);
  }

  public UnreadableFitsException(String message, Throwable cause) {
    super(message, cause);
  }
}
