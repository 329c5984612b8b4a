package global.lco.thumbs.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load driver: {@code connections} keep-alive connections, each sending its next
 * GET as soon as the previous answer is read, for a fixed time. Self-contained (no wrk needed).
 */
final class LoadDriver {

  /** One level's outcome; latencies in milliseconds. */
  record Level(int connections, long requests, long errors, double perSecond, double p50, double p99) {
  }

  private final Vertx vertx;

  LoadDriver(Vertx vertx) {
    this.vertx = vertx;
  }

  Level run(String url, int connections, Duration duration) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections));
    try {
      var latencies = new long[connections][];
      var counts = new int[connections];
      var errors = new AtomicLong();
      var done = new CountDownLatch(connections);
      long start = System.nanoTime();
      long end = start + duration.toNanos();
      for (int c = 0; c < connections; c++) {
        latencies[c] = new long[1024];
        loop(client, url, end, c, latencies, counts, errors, done);
      }
      if (!done.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("load did not finish");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int total = 0;
      for (int n : counts) {
        total += n;
      }
      double[] all = new double[total];
      int k = 0;
      for (int c = 0; c < connections; c++) {
        for (int i = 0; i < counts[c]; i++) {
          all[k++] = latencies[c][i] / 1e6;
        }
      }
      return new Level(connections, total, errors.get(), total / seconds, Stats.percentile(all, 50),
          Stats.percentile(all, 99));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    } finally {
      client.close();
    }
  }

  /** Connection {@code c}'s chain: its arrays are only touched by its own requests, one at a time. */
  private static void loop(HttpClient client, String url, long end, int c, long[][] latencies, int[] counts,
                           AtomicLong errors, CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    long t0 = System.nanoTime();
    var options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
        .putHeader("Accept", "application/json");
    client.request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .recover(failed -> Future.succeededFuture(-1))
        .onComplete(status -> {
          if (status.result() != 200) {
            errors.incrementAndGet();
          } else {
            if (counts[c] == latencies[c].length) {
              latencies[c] = java.util.Arrays.copyOf(latencies[c], counts[c] * 2);
            }
            latencies[c][counts[c]++] = System.nanoTime() - t0;
          }
          loop(client, url, end, c, latencies, counts, errors, done);
        });
  }
}
