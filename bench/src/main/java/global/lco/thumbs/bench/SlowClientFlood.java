package global.lco.thumbs.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Half-open connections against a running service, as a hostile client sends them: the start of a
 * request and one header, then nothing. Meanwhile it samples the service's open descriptors
 * ({@code /proc/PID/fd}) and times normal requests (a stored thumbnail, one every 20 ms on one
 * kept-alive connection, also for 3 s before the flood), then reports how long the half-open
 * connections lived, the descriptors at the peak and the normal latency before and during.
 *
 * <pre>
 * java -cp bench/target/thumbs-bench.jar global.lco.thumbs.bench.SlowClientFlood PORT PID [CONNECTIONS] [SECONDS]
 * </pre>
 */
public final class SlowClientFlood {
  private static final String HALF_REQUEST = "GET /4150221/?width=100 HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  private static final String NORMAL = "1001/?width=100";

  private SlowClientFlood() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SlowClientFlood PORT PID [CONNECTIONS=3000] [SECONDS=35]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    var fds = Path.of("/proc", args[1], "fd");
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 3000;
    var limit = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 35);

    var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    var normal = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + NORMAL)).timeout(Duration.ofSeconds(30)).build();
    System.out.println("warm-up: " + http.send(normal, HttpResponse.BodyHandlers.discarding()).statusCode());
    int baseline = count(fds);
    var quiet = new ConcurrentLinkedQueue<Double>();
    long quietEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < quietEnd) {
      long t = System.nanoTime();
      http.send(normal, HttpResponse.BodyHandlers.discarding());
      quiet.add(Stats.millis(System.nanoTime() - t));
      Thread.sleep(20);
    }

    var lifetimes = new ConcurrentLinkedQueue<Double>();
    var answered408 = new AtomicInteger();
    var endedSilently = new AtomicInteger();
    var stillOpen = new AtomicInteger();
    var closingOurs = new AtomicBoolean();
    var ended = new CountDownLatch(connections);
    var peak = new AtomicInteger(baseline);
    var failures = new AtomicInteger();
    // {seconds into the flood, milliseconds} of each normal request
    var timings = new ConcurrentLinkedQueue<double[]>();
    var sampler = Executors.newScheduledThreadPool(2);
    long start = System.nanoTime();
    sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(count(fds), Math::max), 0, 100, TimeUnit.MILLISECONDS);
    sampler.scheduleWithFixedDelay(() -> {
      long t = System.nanoTime();
      try {
        if (http.send(normal, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          timings.add(new double[] {(t - start) / 1e9, Stats.millis(System.nanoTime() - t)});
        } else {
          failures.incrementAndGet();
        }
      } catch (IOException e) {
        failures.incrementAndGet();
        System.out.println("normal request failed: " + e);
      } catch (InterruptedException stopping) {
        // the flood is over: this request was cut by our own shutdown, not by the service
        Thread.currentThread().interrupt();
      }
    }, 0, 20, TimeUnit.MILLISECONDS);
    sampler.scheduleAtFixedRate(() -> System.out.printf("t=%5.1f s  descriptors=%d  half-open still open=%d%n",
        (System.nanoTime() - start) / 1e9, count(fds), ended.getCount()), 1, 5, TimeUnit.SECONDS);

    var sockets = new ArrayList<Socket>();
    try (var readers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < connections; i++) {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        sockets.add(socket);
        long opened = System.nanoTime();
        readers.submit(() -> {
          try (InputStream in = socket.getInputStream()) {
            socket.getOutputStream().write(HALF_REQUEST.getBytes(StandardCharsets.US_ASCII));
            var received = in.readAllBytes();
            lifetimes.add((System.nanoTime() - opened) / 1e9);
            (received.length > 0 ? answered408 : endedSilently).incrementAndGet();
          } catch (IOException e) {
            if (closingOurs.get()) {
              stillOpen.incrementAndGet();
            } else {
              // The service reset it (closed before reading what we sent): refused.
              lifetimes.add((System.nanoTime() - opened) / 1e9);
              endedSilently.incrementAndGet();
            }
          }
          ended.countDown();
        });
      }
      System.out.printf("opened %d half-open connections in %.1f s%n", connections, (System.nanoTime() - start) / 1e9);
      ended.await(limit.toMillis() - (System.nanoTime() - start) / 1_000_000, TimeUnit.MILLISECONDS);
      sampler.shutdownNow();
      closingOurs.set(true);
      for (var socket : sockets) {
        socket.close();
      }
    }
    Thread.sleep(1000);
    report(connections, baseline, peak.get(), count(fds), lifetimes, answered408.get(), endedSilently.get(),
        stillOpen.get(), (System.nanoTime() - start) / 1e9, timings.stream().mapToDouble(r -> r[1]).toArray(), failures.get());
    timings.stream().sorted((a, b) -> Double.compare(b[1], a[1])).limit(3)
        .forEach(r -> System.out.printf("slow normal request at t=%.1f s: %.0f ms%n", r[0], r[1]));
    double[] before = quiet.stream().mapToDouble(Double::doubleValue).toArray();
    System.out.printf("normal requests in the 3 s before: %d; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        before.length, Stats.median(before), Stats.percentile(before, 99), Stats.percentile(before, 100));
  }

  private static void report(int connections, int baseline, int peak, int end, ConcurrentLinkedQueue<Double> lifetimes,
                             int answered, int silent, int stillOpen, double seconds, double[] ms, int failures) {
    double[] lived = lifetimes.stream().mapToDouble(Double::doubleValue).toArray();
    System.out.printf("half-open connections: %d; closed by the service: %d (%d with an answer, %d without); still open after %.1f s: %d%n",
        connections, lived.length, answered, silent, seconds, stillOpen);
    if (lived.length > 0) {
      System.out.printf("lifetime of the closed ones: min %.2f s, median %.2f s, max %.2f s%n",
          Stats.percentile(lived, 0.001), Stats.median(lived), Stats.percentile(lived, 100));
    }
    System.out.printf("service descriptors: %d before, %d at the peak, %d a second after the end%n", baseline, peak, end);
    System.out.printf("normal requests during the flood: %d answered 200, %d failed; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        ms.length, failures, Stats.median(ms), Stats.percentile(ms, 99), Stats.percentile(ms, 100));
  }

  private static int count(Path fds) {
    try (Stream<Path> open = Files.list(fds)) {
      return (int) open.count();
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }
}
