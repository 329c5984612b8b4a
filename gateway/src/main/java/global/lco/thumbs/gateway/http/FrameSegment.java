package global.lco.thumbs.gateway.http;

import java.util.regex.Pattern;

/**
 * Whether a path segment could name an archive frame at all. Frame ids are decimal and basenames
 * are file names without extension (letters, digits, {@code . _ + -}); anything else (slashes,
 * control bytes, a 10 kB segment) is answered 404 without asking the archive, which would only
 * say the same after a wasted call.
 */
final class FrameSegment {
  static final int MAX_LENGTH = 256;
  private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._+-]{1," + MAX_LENGTH + "}");
  private static final Pattern DOTS = Pattern.compile("\\.+");
  private static final Pattern FRAME_ID = Pattern.compile("[0-9]{1,18}");

  private FrameSegment() {
  }

  /** A frame id ({@code /{frameId}/}); any other plausible segment is a basename ({@code /{basename}/}). */
  static boolean isFrameId(String segment) {
    return segment != null && FRAME_ID.matcher(segment).matches();
  }

  static boolean plausible(String segment) {
    return segment != null && PLAUSIBLE.matcher(segment).matches() && !DOTS.matcher(segment).matches();
  }
}
