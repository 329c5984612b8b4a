package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: 1, 8, 32 and 128 concurrent clients for a few seconds each,
 * mixing cache hits with misses (distinct widths of a 1523x1020 frame), against the single-machine
 * service with 2 render threads and 8 queued jobs (so 8 clients fit and 32 saturate it). Prints req/s, p50/p99 and answers by status per
 * level, and the largest heap in use.
 */
class LoadIT {
  private static final Duration LEVEL = Duration.ofSeconds(3);
  private static final int HIT_KEYS = 8;
  private static final AtomicInteger MISS_WIDTH = new AtomicInteger(300);
  private static final AtomicReference<String> FIRST_FAILURE = new AtomicReference<>();

  @TempDir
  Path dir;

  record Level(int clients, int requests, double perSecond, long p50, long p99, long p99Busy,
               Map<Integer, Integer> byStatus, int busyWithoutRetryAfter) {
  }

  @Test
  @DisplayName("Under load: no errors below saturation, fast 503 with Retry-After above it, bounded heap")
  void load() throws Exception {
    try (var app = ServiceFixture.start(dir, Map.of("RENDER_CONCURRENCY", "2", "RENDER_QUEUE_LENGTH", "8"))) {
      var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      for (int k = 0; k < HIT_KEYS; k++) {
        assertThat(app.get("1001/?width=" + (100 + k)).statusCode()).isEqualTo(200);
      }
      var memory = ManagementFactory.getMemoryMXBean();
      var heapPeak = new AtomicLong();
      var sampling = Thread.ofVirtual().start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException stop) {
            return;
          }
        }
      });
      var levels = new ArrayList<Level>();
      for (int clients : new int[] {1, 8, 32, 128}) {
        levels.add(run(http, app.base, clients));
      }
      sampling.interrupt();
      System.out.println("clients  req/s   p50 ms  p99 ms  p99 of 503s ms  answers by status");
      levels.forEach(l -> System.out.printf("%7d  %6.0f  %6d  %6d  %14d  %s%n", l.clients, l.perSecond, l.p50, l.p99,
          l.p99Busy, l.byStatus));
      long max = Runtime.getRuntime().maxMemory();
      System.out.println("first client failure: " + FIRST_FAILURE.get());
      System.out.printf("heap in use at most %d MiB of %d MiB%n", heapPeak.get() >> 20, max >> 20);

      for (var level : levels) {
        assertThat(level.byStatus.keySet()).as("statuses at %d clients", level.clients).isSubsetOf(200, 503);
        assertThat(level.busyWithoutRetryAfter).isZero();
        assertThat(level.p99Busy).as("p99 of 503 answers, ms").isLessThan(1000);
      }
      // Below saturation (8 clients fit in 2 render threads + 8 queued jobs) nothing is refused.
      assertThat(levels.get(0).byStatus.keySet()).containsOnly(200);
      assertThat(levels.get(1).byStatus.keySet()).containsOnly(200);
      assertThat(heapPeak.get()).isLessThan((long) (max * 0.9));
      assertThat(app.get("1001/?width=99&height=77").statusCode()).isEqualTo(200);
    }
  }

  private static Level run(HttpClient http, String base, int clients) throws InterruptedException {
    var latencies = Collections.synchronizedList(new ArrayList<Long>());
    var busyLatencies = Collections.synchronizedList(new ArrayList<Long>());
    var byStatus = new ConcurrentHashMap<Integer, Integer>();
    var busyWithoutRetryAfter = new AtomicInteger();
    long end = System.nanoTime() + LEVEL.toNanos();
    var threads = new ArrayList<Thread>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; System.nanoTime() < end; i++) {
          // One request in five is a miss: a width nobody asked for yet.
          boolean miss = (i + client) % 5 == 0;
          int n = MISS_WIDTH.incrementAndGet();
          var path = miss ? "1001/?width=" + (300 + n % 9000) + "&height=" + (300 + n / 9000)
              : "1001/?width=" + (100 + (i + client) % HIT_KEYS);
          long start = System.nanoTime();
          int status;
          boolean retryAfter = false;
          try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").isPresent();
          } catch (Exception e) {
            status = -1;
            FIRST_FAILURE.compareAndSet(null, e.toString());
          }
          long ms = (System.nanoTime() - start) / 1_000_000;
          latencies.add(ms);
          byStatus.merge(status, 1, Integer::sum);
          if (status == 503) {
            busyLatencies.add(ms);
            if (!retryAfter) {
              busyWithoutRetryAfter.incrementAndGet();
            }
          }
        }
      }));
    }
    for (var t : threads) {
      t.join(Duration.ofSeconds(60));
    }
    var all = sorted(latencies);
    return new Level(clients, all.size(), all.size() / (LEVEL.toMillis() / 1000.0), percentile(all, 50),
        percentile(all, 99), percentile(sorted(busyLatencies), 99), new TreeMap<>(byStatus), busyWithoutRetryAfter.get());
  }

  private static List<Long> sorted(List<Long> values) {
    synchronized (values) {
      var copy = new ArrayList<>(values);
      Collections.sort(copy);
      return copy;
    }
  }

  private static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
