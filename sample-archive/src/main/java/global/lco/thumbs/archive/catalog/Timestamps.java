package global.lco.thumbs.archive.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Datetimes the way the archive writes them: Python {@code isoformat()} with {@code +00:00} turned
 * into {@code Z}, so six fractional digits when there are microseconds and none otherwise.
 */
public final class Timestamps {
  private static final DateTimeFormatter WHOLE_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
      .withZone(ZoneOffset.UTC);

  private Timestamps() {
  }

  /** {@code null} stays {@code null}. Precision below a microsecond is dropped, as in Python. */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    var micros = instant.truncatedTo(ChronoUnit.MICROS);
    return micros.getNano() == 0 ? WHOLE_SECONDS.format(micros) : MICROS.format(micros);
  }

  /**
   * A lenient ISO-8601 reading: {@code 2016-06-25T21:16:05.072}, with or without an offset or
   * {@code Z}, a space instead of {@code T}, or a bare date (midnight UTC). Times without an
   * offset are UTC (FITS {@code DATE-OBS} and the archive's settings both mean UTC).
   *
   * @throws DateTimeParseException when none of those forms fits
   */
  public static Instant parse(String text) {
    var s = text.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
    }
  }

  /** Like {@link #parse} but {@code null} for anything unreadable, for optional header values. */
  public static Instant parseOrNull(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
