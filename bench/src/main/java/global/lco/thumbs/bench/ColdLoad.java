package global.lco.thumbs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Closed-loop cold load: {@code clients} threads, each sending its next cold thumbnail request as
 * soon as the previous answer is in, for a fixed time. A 503 is retried at once (an impatient
 * client, the hardest case for the service); what counts is how many thumbnails came back per
 * second, how long the 200s took, and that nothing but 200 and 503 + Retry-After came back.
 */
final class ColdLoad {

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
          mine.add(requests.mono(client, n));
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
