package global.lco.thumbs.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/** What the IIIF timing harnesses share: a GET that must succeed, elapsed milliseconds, a table row. */
final class TimedRequests {
  private TimedRequests() {
  }

  /** The body of a 200 answer; any other status is an exception naming the URL. */
  static String get(HttpClient http, String url) throws IOException, InterruptedException {
    var response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  /** {@code | name | n | p50 | p99 | min | max |}, milliseconds. */
  static void row(String name, List<Double> ms) {
    double[] values = ms.stream().mapToDouble(Double::doubleValue).toArray();
    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", name, values.length,
        Stats.median(values), Stats.percentile(values, 99), ms.stream().mapToDouble(d -> d).min().orElse(0),
        ms.stream().mapToDouble(d -> d).max().orElse(0));
  }
}
