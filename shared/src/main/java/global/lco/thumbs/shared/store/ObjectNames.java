package global.lco.thumbs.shared.store;

import java.util.regex.Pattern;

/**
 * The one naming rule of every thumbnail store: a cache key (64 lower-case hex digits, see
 * {@code CacheKey}) is stored as {@code {prefix}{key}.jpg}. Keys are checked here so that no
 * other string can ever become an object name or a file path.
 */
public final class ObjectNames {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final String SUFFIX = ".jpg";

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
    return prefix + key + SUFFIX;
  }

  /** The cache key inside an object name, or {@code null} when the name is not one this rule makes. */
  public String keyOf(String objectName) {
    if (objectName == null || !objectName.startsWith(prefix) || !objectName.endsWith(SUFFIX)) {
      return null;
    }
    var key = objectName.substring(prefix.length(), objectName.length() - SUFFIX.length());
    return KEY.matcher(key).matches() ? key : null;
  }
}
