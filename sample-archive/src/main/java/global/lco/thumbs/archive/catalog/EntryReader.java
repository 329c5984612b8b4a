package global.lco.thumbs.archive.catalog;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed reads of one catalogue entry. A key that is present wins, even with {@code null}; an
 * absent key takes the default. A value of the wrong type is a problem, reported with its place.
 */
final class EntryReader {
  private final JsonObject entry;
  private final String where;
  private final List<String> problems;

  EntryReader(JsonObject entry, String where, List<String> problems) {
    this.entry = entry;
    this.where = where;
    this.problems = problems;
  }

  boolean has(String key) {
    return entry.containsKey(key);
  }

  String text(String key, Supplier<String> dflt) {
    if (!has(key)) {
      return dflt.get();
    }
    var v = entry.getValue(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    return wrong(key, "a string", dflt.get());
  }

  Long integer(String key, Supplier<Long> dflt) {
    if (!has(key)) {
      return dflt.get();
    }
    var v = entry.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    return wrong(key, "an integer", dflt.get());
  }

  Double real(String key, Supplier<Double> dflt) {
    if (!has(key)) {
      return dflt.get();
    }
    var v = entry.getValue(key);
    if (v == null || v instanceof Number) {
      return v == null ? null : ((Number) v).doubleValue();
    }
    return wrong(key, "a number", dflt.get());
  }

  boolean bool(String key, boolean dflt) {
    var v = entry.getValue(key);
    if (v == null) {
      return dflt;
    }
    return v instanceof Boolean b ? b : wrong(key, "true or false", dflt);
  }

  Instant time(String key, Supplier<Instant> dflt) {
    return parsed(key, dflt, Timestamps::parse, "an ISO-8601 datetime");
  }

  LocalDate date(String key, Supplier<LocalDate> dflt) {
    return parsed(key, dflt, LocalDate::parse, "a date YYYY-MM-DD");
  }

  /** A string value parsed; absent gives the default, null stays null, unparseable is a problem. */
  private <T> T parsed(String key, Supplier<T> dflt, Function<String, T> parse, String expected) {
    if (!has(key)) {
      return dflt.get();
    }
    var v = entry.getValue(key);
    if (v == null) {
      return null;
    }
    try {
      return parse.apply((String) v);
    } catch (ClassCastException | DateTimeParseException e) {
      return wrong(key, expected, dflt.get());
    }
  }

  List<String> strings(String key) {
    var out = new ArrayList<String>();
    if (entry.getValue(key) instanceof JsonArray list) {
      list.forEach(item -> out.add(String.valueOf(item)));
    } else if (has(key)) {
      wrong(key, "an array of strings", null);
    }
    return out;
  }

  List<Long> integers(String key) {
    var out = new ArrayList<Long>();
    if (entry.getValue(key) instanceof JsonArray list) {
      for (var item : list) {
        if (item instanceof Number n) {
          out.add(n.longValue());
        } else {
          wrong(key, "an array of integers", null);
        }
      }
    } else if (has(key)) {
      wrong(key, "an array of integers", null);
    }
    return out;
  }

  JsonObject object(String key) {
    var v = entry.getValue(key);
    if (v == null || v instanceof JsonObject) {
      return v == null ? null : ((JsonObject) v).copy();
    }
    return wrong(key, "an object", null);
  }

  private <T> T wrong(String key, String expected, T dflt) {
    problems.add(where + ": '" + key + "' must be " + expected + ", got " + entry.getValue(key));
    return dflt;
  }
}
