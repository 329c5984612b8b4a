package global.lco.thumbs.gateway.backfill;

import global.lco.thumbs.gateway.archive.ArchiveConfig;
import global.lco.thumbs.gateway.warm.WarmConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The {@code warm} command's arguments. Frames come from {@code --ids FILE} or an archive query
 * ({@code --request-id}, {@code --since}, {@code --proposal}, combinable); the parameter sets, colour
 * and token default to the listener's settings (WARM_THUMBNAILS, WARM_COLOUR, WARM_ARCHIVE_TOKEN).
 */
record BackfillOptions(String service, Path idsFile, Long requestId, String since, String proposal, String archive,
                       String token, String thumbnails, boolean colour, int concurrency, double rate, Path state) {
  static final String USAGE = """
      usage: warm --service URL (--ids FILE | [--request-id N] [--since DATE] [--proposal ID]) [options]
        --service URL       the running thumbnail service, e.g. http://localhost:8080/
        --ids FILE          frame ids, one per line ('-' reads standard input; '#' starts a comment)
        --request-id N      the archive's frames of this observation request
        --since DATE        ... observed at or after DATE (2026-11-01 or an ISO date-time)
        --proposal ID       ... of this proposal
        --archive URL       archive API for the query (default ARCHIVE_API_URL, else the LCO archive)
        --token TOKEN       archive token sent with every call (default WARM_ARCHIVE_TOKEN)
        --thumbnails SETS   parameter sets, ';'-separated (default WARM_THUMBNAILS, else width=200&height=200)
        --no-colour         do not ask for colour thumbnails (default: WARM_COLOUR, else on)
        --concurrency N     frames in progress at once (default 2)
        --rate R            frames started per second at most (default 2)
        --state FILE        finished frames, read to skip them and appended to (default warm-done.txt)
      Exit status: 0 all frames settled, 1 some failed (run again to retry them), 2 bad usage.""";

  /** @throws IllegalArgumentException naming what is wrong with the arguments */
  static BackfillOptions parse(String[] args, Map<String, String> env) {
    String service = null;
    Path ids = null;
    Long requestId = null;
    String since = null;
    String proposal = null;
    String archive = env.getOrDefault("ARCHIVE_API_URL", ArchiveConfig.DEFAULT_BASE_URL);
    String token = env.get("WARM_ARCHIVE_TOKEN");
    String thumbnails = env.getOrDefault("WARM_THUMBNAILS", WarmConfig.DEFAULT_THUMBNAILS);
    boolean colour = !"false".equalsIgnoreCase(env.getOrDefault("WARM_COLOUR", "true"));
    int concurrency = 2;
    double rate = 2;
    Path state = Path.of("warm-done.txt");
    for (int i = 0; i < args.length; i++) {
      var arg = args[i];
      if (arg.equals("--no-colour")) {
        colour = false;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg.startsWith("--") ? arg + " needs a value" : "unexpected argument " + arg);
      }
      var value = args[++i];
      switch (arg) {
        case "--service" -> service = value.endsWith("/") ? value : value + "/";
        case "--ids" -> ids = Path.of(value);
        case "--request-id" -> requestId = positive(arg, value);
        case "--since" -> since = date(value);
        case "--proposal" -> proposal = value;
        case "--archive" -> archive = value.endsWith("/") ? value : value + "/";
        case "--token" -> token = value;
        case "--thumbnails" -> thumbnails = value;
        case "--concurrency" -> concurrency = (int) between(arg, value, 1, 64);
        case "--rate" -> rate = between(arg, value, 0.01, 1000);
        case "--state" -> state = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (service == null) {
      throw new IllegalArgumentException("--service is required");
    }
    boolean query = requestId != null || since != null || proposal != null;
    if ((ids == null) == !query) {
      throw new IllegalArgumentException("give either --ids FILE or an archive query (--request-id, --since, --proposal)");
    }
    return new BackfillOptions(service, ids, requestId, since, proposal, archive, token, thumbnails, colour, concurrency,
        rate, state);
  }

  private static long positive(String name, String value) {
    try {
      long v = Long.parseLong(value);
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a positive whole number");
  }

  private static double between(String name, String value, double min, double max) {
    try {
      double v = Double.parseDouble(value);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max);
  }

  /** A date (midnight UTC) or an ISO date-time, as the archive's {@code start} filter takes it. */
  private static String date(String value) {
    try {
      return LocalDate.parse(value) + "T00:00:00Z";
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(value).toInstant().toString();
      } catch (DateTimeParseException neither) {
        throw new IllegalArgumentException("--since must be a date (2026-11-01) or an ISO date-time");
      }
    }
  }

  /** The Authorization header for the token: a bare token is the archive's Token scheme. */
  String authorization() {
    return token == null || token.isBlank() ? null : token.contains(" ") ? token : "Token " + token;
  }
}
