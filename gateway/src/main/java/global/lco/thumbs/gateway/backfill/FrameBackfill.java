package global.lco.thumbs.gateway.backfill;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * One frame's thumbnails through the running service, as a user would ask for them: every
 * parameter set, and its colour thumbnail unless turned off. The service renders what is not
 * stored and answers at once what is. Answers that may pass (503 with Retry-After, other 5xx,
 * timeouts) are tried again a few times; a colour answer of 404 or 400 only means the frame has no
 * colour set.
 */
final class FrameBackfill {
  static final int ATTEMPTS = 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http;
  private final BackfillOptions options;
  private final List<String> sets;

  FrameBackfill(HttpClient http, BackfillOptions options) {
    this.http = http;
    this.options = options;
    this.sets = List.of(options.thumbnails().split(";")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  Outcome warm(long frameId) throws InterruptedException {
    for (var set : sets) {
      int status = ask(frameId, set);
      if (status == 404) {
        return Outcome.NOT_FOUND;
      }
      if (status == 400 || status == 422) {
        return Outcome.NOT_THUMBNAILABLE;
      }
      if (status != 200) {
        return Outcome.FAILED;
      }
    }
    if (options.colour()) {
      for (var set : sets) {
        int status = ask(frameId, set + "&color=true");
        if (status != 200 && status != 404 && status != 400 && status != 422) {
          return Outcome.FAILED;
        }
      }
    }
    return Outcome.WARMED;
  }

  /** The final status of one request after retries; -1 when the service could not be reached. */
  private int ask(long frameId, String query) throws InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(options.service() + frameId + "/?" + query)).timeout(TIMEOUT)
        .header("Accept", "application/json");
    if (options.authorization() != null) {
      request.header("Authorization", options.authorization());
    }
    int status = -1;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long waitMs = 500L << (attempt - 1);
      try {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        status = response.statusCode();
        if (status < 500) {
          return status;
        }
        waitMs = Math.max(waitMs, response.headers().firstValueAsLong("Retry-After").orElse(0) * 1000);
      } catch (java.io.IOException unreachable) {
        status = -1;
      }
      if (attempt < ATTEMPTS) {
        Thread.sleep(waitMs);
      }
    }
    return status;
  }
}
