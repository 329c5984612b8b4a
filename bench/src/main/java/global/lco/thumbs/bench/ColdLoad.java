package global.lco.thumbs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closed-loop cold load: {@code clients} threads, each sending its next cold thumbnail request as
 * soon as the previous answer is in, for a fixed time; after a 503 a client waits what Retry-After
 * says (at most {@value #MAX_RETRY_AFTER_MS} ms), as a well-behaved client does. What counts is how
 * many thumbnails came back per second, how long the 200s took, and that nothing but 200 and
 * 503 + Retry-After came back.
 */
final class ColdLoad {
  static final long MAX_RETRY_AFTER_MS = 2000;

  /**
   * One level. {@code statuses} counts every answer by status (-1: no answer);
   * {@code busyWithoutRetryAfter} counts 503s that lacked the header.
   */
  record Level(int clients, double seconds, Map<Integer, Long> statuses, long busyWithoutRetryAfter,
               double p50, double p99, double max, long serviceCpuMs, long benchCpuMs) {

    /** The service's CPU milliseconds per thumbnail answered (a measure that load from elsewhere moves little). */
    double serviceCpuPerFrame() {
      return ok() == 0 ? Double.NaN : (double) serviceCpuMs / ok();
    }

    /** The benchmark JVM's (archive, clients) CPU milliseconds per thumbnail answered. */
    double benchCpuPerFrame() {
      return ok() == 0 ? Double.NaN : (double) benchCpuMs / ok();
    }

    long ok() {
      return statuses.getOrDefault(200, 0L);
    }

    long busy() {
      return statuses.getOrDefault(503, 0L);
    }

    /** Answers other than 200 and 503 with Retry-After. */
    long wrong() {
      return statuses.values().stream().mapToLong(Long::longValue).sum() - ok() - busy() + busyWithoutRetryAfter;
    }

    double framesPerSecond() {
      return ok() / seconds;
    }
  }

  private ColdLoad() {
  }

  /** Sleeps as long as Retry-After asks (seconds), at most {@link #MAX_RETRY_AFTER_MS} and never past the level's end. */
  private static void pause(String retryAfter, long end) {
    long ms;
    try {
      ms = retryAfter == null ? 0 : Math.min(MAX_RETRY_AFTER_MS, Long.parseLong(retryAfter.trim()) * 1000);
    } catch (NumberFormatException notSeconds) {
      ms = 0;
    }
    ms = Math.min(ms, Math.max(0, (end - System.nanoTime()) / 1_000_000));
    try {
      Thread.sleep(ms);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  static Level run(ColdRequests requests, ServiceProcess service, int clients, Duration duration)
      throws InterruptedException {
    long serviceCpu = service.cpuMillis();
    long benchCpu = ServiceProcess.cpuMillis(ProcessHandle.current().pid());
    var answers = new ArrayList<List<ColdRequests.Answer>>();
    var threads = new ArrayList<Thread>();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int c = 0; c < clients; c++) {
      var mine = new ArrayList<ColdRequests.Answer>();
      answers.add(mine);
      int client = c;
      threads.add(Thread.ofPlatform().name("cold-client-" + c).start(() -> {
        for (long n = 0; System.nanoTime() < end; n++) {
          var answer = requests.mono(client, n);
          mine.add(answer);
          if (answer.status() == 503) {
            pause(answer.retryAfter(), end);
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    serviceCpu = service.cpuMillis() - serviceCpu;
    benchCpu = ServiceProcess.cpuMillis(ProcessHandle.current().pid()) - benchCpu;
    var statuses = new TreeMap<Integer, Long>();
    long noRetryAfter = 0;
    var okMs = new ArrayList<Double>();
    for (var list : answers) {
      for (var a : list) {
        statuses.merge(a.status(), 1L, Long::sum);
        if (a.status() == 503 && a.retryAfter() == null) {
          noRetryAfter++;
        }
        if (a.status() == 200) {
          okMs.add(a.ms());
        }
      }
    }
    double[] ms = okMs.stream().mapToDouble(Double::doubleValue).toArray();
    double max = 0;
    for (double v : ms) {
      max = Math.max(max, v);
    }
    return new Level(clients, seconds, statuses, noRetryAfter, Stats.percentile(ms, 50), Stats.percentile(ms, 99), max,
        serviceCpu, benchCpu);
  }
}
