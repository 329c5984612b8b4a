package global.lco.thumbs.archive.frames;

import global.lco.thumbs.archive.catalog.User;
import global.lco.thumbs.archive.catalog.Frame;
import global.lco.thumbs.archive.catalog.Timestamps;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The list endpoint's django-filter set (2.7.2), as far as clients use it. As there: unknown
 * parameters and empty values are ignored, a repeated parameter counts with its last value, and
 * every badly typed value is reported at once as {@code {"param": ["message"]}}.
 */
final class FrameFilters {
  static final Set<String> CONFIGURATION_TYPES = Set.of("ARC", "BIAS", "BPM", "CATALOG", "DARK", "DOUBLE",
      "EXPERIMENTAL", "EXPOSE", "GUIDE", "LAMPFLAT", "NRES_BIAS", "NRES_DARK", "NRES_DOUBLE", "NRES_EXPOSE",
      "NRES_SPECTRUM", "NRES_TEST", "SKYFLAT", "SPECTRUM", "STANDARD", "TARGET", "TRACE", "TRAILED");

  private enum Kind { EXACT, ICONTAINS, ICONTAINS_FOLDED, NUMBER, AT_LEAST, AFTER, BEFORE, SAME_INSTANT, SAME_DAY }

  private record Filter(String param, Kind kind, Function<Frame, Object> field) {
  }

  private static final List<Filter> FILTERS = List.of(
      new Filter("basename_exact", Kind.EXACT, Frame::basename),
      new Filter("basename", Kind.ICONTAINS, Frame::basename),
      new Filter("proposal_id", Kind.EXACT, Frame::proposalId),
      new Filter("PROPID", Kind.EXACT, Frame::proposalId),
      new Filter("configuration_type", Kind.EXACT, Frame::configurationType),
      new Filter("OBSTYPE", Kind.EXACT, Frame::configurationType),
      new Filter("instrument_id", Kind.EXACT, Frame::instrumentId),
      new Filter("INSTRUME", Kind.EXACT, Frame::instrumentId),
      new Filter("site_id", Kind.EXACT, Frame::siteId),
      new Filter("SITEID", Kind.EXACT, Frame::siteId),
      new Filter("telescope_id", Kind.EXACT, Frame::telescopeId),
      new Filter("TELID", Kind.EXACT, Frame::telescopeId),
      new Filter("primary_optical_element", Kind.EXACT, Frame::primaryOpticalElement),
      new Filter("FILTER", Kind.EXACT, Frame::primaryOpticalElement),
      new Filter("target_name", Kind.ICONTAINS_FOLDED, Frame::targetName),
      new Filter("target_name_exact", Kind.EXACT, Frame::targetName),
      new Filter("OBJECT", Kind.ICONTAINS, Frame::targetName),
      new Filter("request_id", Kind.NUMBER, Frame::requestId),
      new Filter("REQNUM", Kind.NUMBER, Frame::requestId),
      new Filter("observation_id", Kind.NUMBER, Frame::observationId),
      new Filter("BLKUID", Kind.NUMBER, Frame::observationId),
      new Filter("reduction_level", Kind.NUMBER, Frame::reductionLevel),
      new Filter("RLEVEL", Kind.NUMBER, Frame::reductionLevel),
      new Filter("exposure_time", Kind.AT_LEAST, Frame::exposureTime),
      new Filter("EXPTIME", Kind.AT_LEAST, Frame::exposureTime),
      new Filter("start", Kind.AFTER, Frame::observationDate),
      new Filter("end", Kind.BEFORE, Frame::observationDate),
      new Filter("DATE_OBS", Kind.SAME_INSTANT, Frame::observationDate),
      new Filter("L1PUBDAT", Kind.SAME_INSTANT, Frame::publicDate),
      new Filter("dayobs", Kind.SAME_DAY, Frame::observationDay),
      new Filter("DAY_OBS", Kind.SAME_DAY, Frame::observationDay));

  private FrameFilters() {
  }

  /** Either the errors of a 400 answer, or the predicate selecting the frames. */
  record Parsed(JsonObject errors, Predicate<Frame> predicate) {
  }

  static Parsed parse(MultiMap params, User user) {
    var errors = new JsonObject();
    var tests = new ArrayList<Predicate<Frame>>();
    for (var filter : FILTERS) {
      var value = last(params, filter.param());
      if (value == null) {
        continue;
      }
      try {
        tests.add(test(filter, value));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        errors.put(filter.param(), new JsonArray().add(message(filter.kind())));
      }
    }
    choices(params, "include_configuration_type", true, tests, errors);
    choices(params, "exclude_configuration_type", false, tests, errors);
    choices(params, "exclude_OBSTYPE", false, tests, errors);
    var publicOnly = last(params, "public");
    if ("false".equalsIgnoreCase(publicOnly) && !user.superuser()) {
      // public=false: only the caller's own proposals (nothing at all for anonymous callers).
      tests.add(f -> user.proposals().contains(f.proposalId()));
    }
    return new Parsed(errors, tests.stream().reduce(f -> true, Predicate::and));
  }

  private static Predicate<Frame> test(Filter filter, String value) {
    var field = filter.field();
    return switch (filter.kind()) {
      case EXACT -> f -> value.equals(field.apply(f));
      case ICONTAINS -> f -> lower(field.apply(f)).contains(value.toLowerCase(Locale.ROOT));
      case ICONTAINS_FOLDED -> f -> fold(field.apply(f)).contains(fold(value));
      case NUMBER -> {
        var number = decimal(value);
        yield f -> field.apply(f) instanceof Number n && new BigDecimal(n.toString()).compareTo(number) == 0;
      }
      case AT_LEAST -> {
        var number = decimal(value);
        yield f -> field.apply(f) instanceof Number n && new BigDecimal(n.toString()).compareTo(number) >= 0;
      }
      case AFTER -> {
        var t = Timestamps.parse(value);
        yield f -> field.apply(f) instanceof Instant i && !i.isBefore(t);
      }
      case BEFORE -> {
        var t = Timestamps.parse(value);
        yield f -> field.apply(f) instanceof Instant i && !i.isAfter(t);
      }
      case SAME_INSTANT -> {
        var t = Timestamps.parse(value);
        yield f -> t.equals(field.apply(f));
      }
      case SAME_DAY -> {
        var day = LocalDate.parse(value.trim());
        yield f -> day.equals(field.apply(f));
      }
    };
  }

  /** Repeatable multiple-choice filters; an unknown choice is a 400 as in django-filter. */
  private static void choices(MultiMap params, String name, boolean include, List<Predicate<Frame>> tests,
      JsonObject errors) {
    var values = params.getAll(name).stream().filter(v -> !v.isEmpty()).toList();
    if (values.isEmpty()) {
      return;
    }
    var bad = values.stream().filter(v -> !CONFIGURATION_TYPES.contains(v)).findFirst();
    if (bad.isPresent()) {
      errors.put(name, new JsonArray().add("Select a valid choice. " + bad.get()
          + " is not one of the available choices."));
      return;
    }
    tests.add(f -> values.contains(f.configurationType()) == include);
  }

  /** Django's {@code DecimalField}: what Python's {@code Decimal} reads, but no NaN or infinity. */
  private static BigDecimal decimal(String value) {
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String message(Kind kind) {
    return switch (kind) {
      case NUMBER, AT_LEAST -> "Enter a number.";
      case SAME_DAY -> "Enter a valid date.";
      default -> "Enter a valid date/time.";
    };
  }

  /** The last non-empty value, as Django's {@code QueryDict.get} gives it; empty counts as absent. */
  static String last(MultiMap params, String name) {
    var all = params.getAll(name);
    var value = all.isEmpty() ? null : all.get(all.size() - 1);
    return value == null || value.isEmpty() ? null : value;
  }

  private static String lower(Object value) {
    return Objects.toString(value, "").toLowerCase(Locale.ROOT);
  }

  /** ASCII folding as the archive's {@code unaccent} lookup does it. */
  private static String fold(Object value) {
    return Normalizer.normalize(lower(value), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
