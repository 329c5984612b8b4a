package global.lco.thumbs.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What users ask while warming runs, as LoadIT mixes it: {@code clients} closed-loop clients on one
 * frame, four requests in five a stored thumbnail (8 sizes), one in five a size nobody asked for
 * (a render, from the worker's frame cache after the first). Latencies of 200 answers in ms.
 */
final class UserTraffic {
  /** One phase's figures. */
  record Phase(int requests, long errors, double p50, double p99, double max) {
    static Phase of(List<Double> ms, long errors) {
      double[] all = ms.stream().mapToDouble(Double::doubleValue).toArray();
      return new Phase(all.length, errors, Stats.percentile(all, 50), Stats.percentile(all, 99),
          Stats.percentile(all, 100));
    }
  }

  private static final int HIT_SIZES = 8;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String frameUrl;
  private final AtomicInteger missSide = new AtomicInteger();

  UserTraffic(String base, long frameId) {
    this.frameUrl = base + frameId + "/";
  }

  /** Stores the thumbnails the hits ask for. */
  void prepare() {
    for (int k = 0; k < HIT_SIZES; k++) {
      if (get(frameUrl + "?width=" + (100 + k)) != 200) {
        throw new IllegalStateException("the users' frame cannot be rendered");
      }
    }
  }

  Phase run(int clients, Duration duration) throws InterruptedException {
    var latencies = Collections.synchronizedList(new ArrayList<Double>());
    var errors = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    var threads = new ArrayList<Thread>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; System.nanoTime() < end; i++) {
          boolean miss = (i + client) % 5 == 0;
          // Every miss a box nobody asked for, all of about the same cost (300-399 px a side).
          int n = missSide.incrementAndGet();
          var url = miss ? frameUrl + "?width=" + (300 + n % 100) + "&height=" + (300 + (n / 100) % 100)
              : frameUrl + "?width=" + (100 + (i + client) % HIT_SIZES);
          long start = System.nanoTime();
          if (get(url) == 200) {
            latencies.add((System.nanoTime() - start) / 1e6);
          } else {
            errors.incrementAndGet();
          }
        }
      }));
    }
    for (var t : threads) {
      t.join();
    }
    synchronized (latencies) {
      return Phase.of(new ArrayList<>(latencies), errors.get());
    }
  }

  /** Asks for the default thumbnail of {@code frameId}; the HTTP status. */
  int get(long frameId) {
    return get(frameUrl.replaceFirst("/[0-9]+/$", "/" + frameId + "/"));
  }

  private int get(String url) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception failed) {
      return -1;
    }
  }
}
