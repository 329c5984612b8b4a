package global.lco.thumbs.gateway.backfill;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The frames to warm, in order, each once: from a file of ids or from every page of an archive query. */
final class FrameIdSource {
  private static final int PAGE = 1000;
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private FrameIdSource() {
  }

  static List<Long> read(BackfillOptions options, HttpClient http, InputStream stdin) throws IOException, InterruptedException {
    if (options.idsFile() != null) {
      var text = options.idsFile().toString().equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(options.idsFile());
      return fromText(text);
    }
    return fromArchive(options, http);
  }

  /** One id per line; blank lines and {@code #} comments skipped; anything else is an error naming the line. */
  static List<Long> fromText(String text) {
    var ids = new LinkedHashSet<Long>();
    var lines = text.split("\r?\n");
    for (int n = 0; n < lines.length; n++) {
      var line = lines[n].replaceFirst("#.*", "").trim();
      if (line.isEmpty()) {
        continue;
      }
      if (!line.matches("[0-9]{1,18}")) {
        throw new IllegalArgumentException("line " + (n + 1) + " is not a frame id: " + line);
      }
      ids.add(Long.parseLong(line));
    }
    return new ArrayList<>(ids);
  }

  /**
   * Every page of {@code frames/?...&ordering=id}. Only each {@code next} link's query is used, sent
   * to the archive given, so the token never follows a link elsewhere (as the gateway's client does).
   */
  private static List<Long> fromArchive(BackfillOptions options, HttpClient http) throws IOException, InterruptedException {
    var query = new StringBuilder("limit=" + PAGE + "&ordering=id&include_related_frames=false");
    if (options.requestId() != null) {
      query.append("&request_id=").append(options.requestId());
    }
    if (options.since() != null) {
      query.append("&start=").append(URLEncoder.encode(options.since(), StandardCharsets.UTF_8));
    }
    if (options.proposal() != null) {
      query.append("&proposal_id=").append(URLEncoder.encode(options.proposal(), StandardCharsets.UTF_8));
    }
    var ids = new LinkedHashSet<Long>();
    String next = query.toString();
    while (next != null) {
      var page = page(http, options, next);
      if (!(page.getValue("results") instanceof JsonArray results)) {
        throw new IOException("the archive's answer has no results list");
      }
      for (var item : results) {
        if (item instanceof JsonObject record && record.getValue("id") instanceof Number id) {
          ids.add(id.longValue());
        }
      }
      next = page.getValue("next") instanceof String link && !link.isEmpty() ? URI.create(link).getRawQuery() : null;
    }
    return new ArrayList<>(ids);
  }

  private static JsonObject page(HttpClient http, BackfillOptions options, String query)
      throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(options.archive() + "frames/?" + query)).timeout(TIMEOUT)
        .header("Accept", "application/json");
    if (options.authorization() != null) {
      request.header("Authorization", options.authorization());
    }
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("the archive answered " + response.statusCode() + " to the frame query");
    }
    return new JsonObject(response.body());
  }
}
