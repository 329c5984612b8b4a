package global.lco.thumbs.shared.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads of environment variables. Every read takes a default; a value that does not parse
 * is recorded in {@code problems} (all problems are reported together at start-up) and the
 * default is used so validation can go on.
 */
public final class Env {
  private final Map<String, String> vars;
  private final List<String> problems;

  public Env(Map<String, String> vars, List<String> problems) {
    this.vars = Map.copyOf(vars);
    this.problems = problems;
  }

  public List<String> problems() {
    return problems;
  }

  /** The raw value, or {@code null} when unset or blank. */
  public String raw(String name) {
    var v = vars.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public String string(String name, String dflt) {
    var v = raw(name);
    return v == null ? dflt : v;
  }

  public int integer(String name, int dflt, int min, int max) {
    return parse(name, dflt, Integer::parseInt, v -> v >= min && v <= max, "an integer in " + min + ".." + max);
  }

  public long longValue(String name, long dflt, long min, long max) {
    return parse(name, dflt, Long::parseLong, v -> v >= min && v <= max, "an integer in " + min + ".." + max);
  }

  /** A duration in whole seconds (the old service's style, e.g. {@code THUMBNAIL_URL_TTL=28800}). */
  public Duration seconds(String name, Duration dflt, long minSeconds, long maxSeconds) {
    return Duration.ofSeconds(longValue(name, dflt.toSeconds(), minSeconds, maxSeconds));
  }

  /** A duration in milliseconds, for timeouts. */
  public Duration millis(String name, Duration dflt, long minMillis, long maxMillis) {
    return Duration.ofMillis(longValue(name, dflt.toMillis(), minMillis, maxMillis));
  }

  public boolean bool(String name, boolean dflt) {
    var v = raw(name);
    if (v == null) {
      return dflt;
    }
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> {
        return true;
      }
      case "false", "0", "no", "off" -> {
        return false;
      }
      default -> {
        problems.add(name + " must be true or false, got '" + v + "'");
        return dflt;
      }
    }
  }

  /** An absolute http(s) URL; a trailing slash is added when {@code directory} is set. */
  public String httpUrl(String name, String dflt, boolean directory) {
    var v = string(name, dflt);
    try {
      var uri = new URI(v);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        problems.add(name + " must be an absolute http(s) URL, got '" + v + "'");
        return dflt;
      }
    } catch (Exception e) {
      problems.add(name + " must be an absolute http(s) URL, got '" + v + "'");
      return dflt;
    }
    return directory && !v.endsWith("/") ? v + "/" : v;
  }

  public Path path(String name, Path dflt) {
    var v = raw(name);
    return v == null ? dflt : Path.of(v);
  }

  /** A comma-separated list: spaces removed, empty items dropped, upper-cased (docs/api.md, validation). */
  public List<String> upperList(String name, String dflt) {
    var v = vars.getOrDefault(name, dflt);
    return Arrays.stream(v.replace(" ", "").split(","))
        .filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT)).toList();
  }

  /** A comma-separated list, spaces removed, case kept. */
  public List<String> list(String name, String dflt) {
    var v = vars.getOrDefault(name, dflt);
    return Arrays.stream(v.replace(" ", "").split(",")).filter(s -> !s.isEmpty()).toList();
  }

  private <T> T parse(String name, T dflt, Function<String, T> parser, java.util.function.Predicate<T> ok, String rule) {
    var v = raw(name);
    if (v == null) {
      return dflt;
    }
    try {
      var parsed = parser.apply(v);
      if (ok.test(parsed)) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name + " must be " + rule + ", got '" + v + "'");
    return dflt;
  }
}
