package global.lco.thumbs.archive.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Header keywords read leniently: LCO headers keep numbers such as REQNUM and BLKUID as strings. */
final class HeaderValues {
  private final Map<String, Object> header;

  HeaderValues(Map<String, Object> header) {
    this.header = header;
  }

  String text(String key) {
    var v = header.get(key);
    if (v == null) {
      return null;
    }
    var s = String.valueOf(v).trim();
    return s.isEmpty() ? null : s;
  }

  Long integer(String key) {
    var v = header.get(key);
    if (v instanceof Long n) {
      return n;
    }
    try {
      return v instanceof String s ? Long.valueOf(s.trim()) : null;
    } catch (NumberFormatException notNumeric) {
      return null;
    }
  }

  Double real(String key) {
    var v = header.get(key);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return v instanceof String s ? Double.valueOf(s.trim()) : null;
    } catch (NumberFormatException notNumeric) {
      return null;
    }
  }

  Instant time(String key) {
    return Timestamps.parseOrNull(text(key));
  }

  /** {@code DAY-OBS} is {@code YYYYMMDD} in LCO headers. */
  LocalDate dayObs() {
    var s = text("DAY-OBS");
    try {
      return s == null ? null : LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
