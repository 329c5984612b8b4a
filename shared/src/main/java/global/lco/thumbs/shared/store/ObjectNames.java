package global.lco.thumbs.shared.store;

import java.util.regex.Pattern;

/**
 * The one naming rule of every thumbnail store: a JPEG's cache key (64 lower-case hex digits, see
 * {@code CacheKey}) is stored as {@code {prefix}{key}.jpg}, a PNG's ({@code {hex}.png}) as
 * {@code {prefix}{key}}. Keys are checked here so that no other string can ever become an object
 * name or a file path.
 */
public final class ObjectNames {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}(\\.png)?");
  private static final String SUFFIX = ".jpg";
  private static final String PNG = ".png";

  private final String prefix;

  /** @param prefix THUMBNAIL_PREFIX, e.g. {@code thumbs/} */
  public ObjectNames(String prefix) {
    this.prefix = prefix;
  }

  /**
   * The object name of a cache key, e.g. {@code thumbs/ab12….jpg}.
   *
   * @throws IllegalArgumentException when {@code key} is not a cache key
   */
  public String of(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a cache key");
    }
    return prefix + key + (key.endsWith(PNG) ? "" : SUFFIX);
  }

  /** The Content-Type a key's object is stored and served with. */
  public static String contentType(String key) {
    return key != null && key.endsWith(PNG) ? "image/png" : "image/jpeg";
  }

  /** The cache key inside an object name, or {@code null} when the name is not one this rule makes. */
  public String keyOf(String objectName) {
    if (objectName == null || !objectName.startsWith(prefix)) {
      return null;
    }
    var rest = objectName.substring(prefix.length());
    var key = rest.endsWith(SUFFIX) ? rest.substring(0, rest.length() - SUFFIX.length()) : rest;
    // A JPEG's hash must come with its .jpg, a PNG's key already ends in .png.
    return KEY.matcher(key).matches() && key.endsWith(PNG) != rest.endsWith(SUFFIX) ? key : null;
  }
}
