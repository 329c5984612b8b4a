package global.lco.thumbs.archive.catalog;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalogue entry (or one uncatalogued FITS file) to a {@link Frame}. Descriptive fields the
 * entry leaves out come from the FITS header the way the archive's ingester takes them
 * ({@code DATE-OBS}, {@code DAY-OBS}, {@code PROPID}, {@code INSTRUME}, {@code OBJECT},
 * {@code RLEVEL}, {@code SITEID}, {@code TELID}, {@code EXPTIME}, {@code FILTER}, {@code BLKUID});
 * archive-side fields default to: public from the observation date on, {@code EXPOSE}, no request.
 */
final class FrameBuilder {
  static final Set<String> ENTRY_KEYS = Set.of("comment", "id", "basename", "file", "extension",
      "observation_date", "observation_day", "proposal_id", "instrument_id", "target_name", "reduction_level",
      "site_id", "telescope_id", "exposure_time", "primary_optical_element", "public_date", "configuration_type",
      "observation_id", "request_id", "related_frames", "area", "omit", "versionless", "versions");
  private static final List<String> KNOWN_EXTENSIONS = List.of(".fits.fz", ".fits.gz", ".fits", ".tar.gz", ".fz");
  private static final DateTimeFormatter DAY_OBS = DateTimeFormatter.BASIC_ISO_DATE;
  private static final Pattern LCO_TYPE_AND_LEVEL = Pattern.compile(".*-[a-z]\\d{2}");
  private static final Instant NO_DATE = Instant.parse("2000-01-01T00:00:00Z");

  private FrameBuilder() {
  }

  /** The frame, or {@code null} after adding the reasons to {@code problems}. */
  static Frame fromEntry(JsonObject entry, Path dataDir, List<String> problems) {
    var where = "frame " + entry.getValue("id", "(no id)");
    CatalogLoader.checkKeys(entry, ENTRY_KEYS, where, problems);
    int before = problems.size();
    if (!(entry.getValue("id") instanceof Number id) || id.longValue() < 1 || id.longValue() > Integer.MAX_VALUE) {
      problems.add(where + ": 'id' must be an integer in 1.." + Integer.MAX_VALUE);
      return null;
    }
    if (!(entry.getValue("file") instanceof String relative) || relative.isBlank()) {
      problems.add(where + ": 'file' (a path inside the data folder) is required");
      return null;
    }
    var root = dataDir.toAbsolutePath().normalize();
    var file = root.resolve(relative).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      problems.add(where + ": file '" + relative + "' is not a file inside " + root);
      return null;
    }
    var frame = build(id.longValue(), file, new EntryReader(entry, where, problems), where, problems);
    return problems.size() > before ? null : frame;
  }

  /** An uncatalogued FITS file: a public EXPOSE frame named after the file. */
  static Frame auto(long id, Path dataDir, String relative, List<String> problems) {
    var file = dataDir.toAbsolutePath().normalize().resolve(relative);
    var where = "auto-served " + relative;
    return build(id, file, new EntryReader(new JsonObject(), where, problems), where, problems);
  }

  private static Frame build(long id, Path file, EntryReader e, String where, List<String> problems) {
    var header = FitsHeader.read(file);
    var h = new HeaderValues(header);
    var fileName = file.getFileName().toString();
    var extension = nonNull(e.text("extension", () -> extensionOf(fileName)));
    var basename = e.text("basename", () -> fileName.substring(0, fileName.length() - extensionOf(fileName).length()));
    if (basename == null || basename.isBlank()) {
      problems.add(where + ": 'basename' must not be empty");
      basename = "frame-" + id;
    }
    var observed = e.time("observation_date", () -> orElse(h.time("DATE-OBS"), NO_DATE.plus(Duration.ofMinutes(id))));
    var day = e.date("observation_day", () -> orElse(h.dayObs(), observed == null ? null
        : LocalDate.ofInstant(observed, ZoneOffset.UTC)));
    var finalBasename = basename;
    int rlevel = orElse(e.integer("reduction_level", () -> orElse(h.integer("RLEVEL"), levelFromName(finalBasename))),
        0L).intValue();
    var site = e.text("site_id", () -> h.text("SITEID"));
    var instrument = e.text("instrument_id", () -> h.text("INSTRUME"));
    var omitted = new HashSet<>(e.strings("omit"));
    int versionCount = e.bool("versionless", false) ? 0 : orElse(e.integer("versions", () -> 1L), 1L).intValue();
    if (versionCount < 0 || versionCount > 99) {
      problems.add(where + ": 'versions' must be in 0..99");
      versionCount = 1;
    }
    var md5 = versionCount == 0 ? null : Versions.md5(file);
    return new Frame(
        id,
        basename,
        observed,
        day,
        nonNull(e.text("proposal_id", () -> h.text("PROPID"))),
        nonNull(instrument),
        nonNull(e.text("target_name", () -> h.text("OBJECT"))),
        rlevel,
        nonNull(site),
        nonNull(e.text("telescope_id", () -> h.text("TELID"))),
        e.real("exposure_time", () -> h.real("EXPTIME")),
        nonNull(e.text("primary_optical_element", () -> h.text("FILTER"))),
        e.time("public_date", () -> observed),
        nonNull(e.text("configuration_type", () -> "EXPOSE")),
        e.integer("observation_id", () -> h.integer("BLKUID")),
        e.integer("request_id", () -> null),
        Versions.initial(id, versionCount, md5, extension, observed),
        extension,
        file,
        objectKey(site, instrument, day, rlevel, basename + extension),
        omitted,
        e.integers("related_frames"),
        e.object("area"),
        header);
  }

  /** The archive's S3 key layout: {@code site/instrument/YYYYMMDD/raw|processed/basename+ext}. */
  static String objectKey(String site, String instrument, LocalDate day, int rlevel, String filename) {
    var dayText = day == null ? "00000000" : DAY_OBS.format(day);
    return segment(site) + "/" + segment(instrument) + "/" + dayText + "/" + (rlevel == 0 ? "raw" : "processed")
        + "/" + segment(filename);
  }

  private static String segment(String value) {
    return value == null || value.isBlank() ? "unknown" : value.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  static String extensionOf(String fileName) {
    var lower = fileName.toLowerCase(Locale.ROOT);
    for (var ext : KNOWN_EXTENSIONS) {
      if (lower.endsWith(ext) && lower.length() > ext.length()) {
        return fileName.substring(fileName.length() - ext.length());
      }
    }
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(dot) : "";
  }

  /**
   * The ingester's fallback when the header has no RLEVEL: the last two characters of an LCO-style
   * basename ({@code …-e91}); other names (e.g. {@code m13}) would give nonsense, so they get 0.
   */
  private static Long levelFromName(String basename) {
    return LCO_TYPE_AND_LEVEL.matcher(basename).matches()
        ? Long.valueOf(basename.substring(basename.length() - 2)) : 0L;
  }

  static String relative(Path dataDir, Path file) {
    return dataDir.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
        .replace('\\', '/');
  }

  private static <T> T orElse(T value, T dflt) {
    return value != null ? value : dflt;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
