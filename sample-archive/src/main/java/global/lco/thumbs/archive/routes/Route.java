package global.lco.thumbs.archive.routes;

import java.util.Locale;

/** What kind of route a request hit; faults and request counts are per kind. */
public enum Route {
  /** Metadata: {@code /frames/...}. */
  FRAMES,
  /** Downloads through minted URLs: {@code /files/...}. */
  FILES,
  /** Everything else ({@code /health/}, unknown paths). */
  OTHER;

  /** The kind of a request path. {@code /_control/} paths are not archive routes and are never recorded. */
  public static Route of(String path) {
    if (path.equals("/frames") || path.startsWith("/frames/")) {
      return FRAMES;
    }
    if (path.startsWith("/files/")) {
      return FILES;
    }
    return OTHER;
  }

  /** The lower-case name used by the HTTP control endpoint. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Route fromWireName(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
