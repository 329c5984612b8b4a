package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Render workers in child JVMs behind a clustered gateway: killed or stopped in the middle of a
 * burst of misses, no request may fail. Figures (detection time, slowest request) are printed.
 */
class WorkerFailoverIT {
  private static final int BURST = 120;
  private static final int CONCURRENCY = 12;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;
  ClusterFixture cluster;
  String gateway;
  final List<WorkerProcess> workers = new ArrayList<>();

  @BeforeEach
  void start() {
    cluster = new ClusterFixture(dir);
    gateway = cluster.gateway();
    var env = workerEnv();
    workers.add(WorkerProcess.start(env, dir.resolve("worker-a.log")));
    workers.add(WorkerProcess.start(env, dir.resolve("worker-b.log")));
    try {
      ClusterFixture.await(Duration.ofSeconds(40), () -> ClusterFixture.workersKnownBy(gateway) == 2);
    } catch (AssertionError notReady) {
      workers.forEach(w -> System.out.println(w.output()));
      throw notReady;
    }
  }

  @AfterEach
  void stop() {
    workers.forEach(WorkerProcess::close);
    cluster.close();
  }

  private Map<String, String> workerEnv() {
    var env = new HashMap<>(cluster.env());
    // Room for the whole burst on the survivor: this test is about failover, not saturation.
    env.put("RENDER_QUEUE_LENGTH", Integer.toString(2 * CONCURRENCY));
    env.put("WORKER_DRAIN_TIMEOUT_MS", "20000");
    return env;
  }

  @Test
  @DisplayName("A burst of misses survives a worker killed with destroyForcibly(): every request succeeds")
  void workerKilledMidBurst() throws Exception {
    var victim = workers.get(0);
    var detected = new CompletableFuture<Long>();
    var result = burst(BURST / 4, () -> {
      victim.process.destroyForcibly();
      long killedAt = System.nanoTime();
      Thread.ofVirtual().start(() -> {
        ClusterFixture.await(Duration.ofSeconds(20), () -> ClusterFixture.workersKnownBy(gateway) == 1);
        detected.complete((System.nanoTime() - killedAt) / 1_000_000);
      });
    });
    System.out.printf("killed worker: %d/%d ok, failures %s, slowest %d ms, gone from the gateway %d ms after the kill%n",
        result.ok.get(), BURST, result.failures, result.slowestMs(), detected.get(20, TimeUnit.SECONDS));
    assertThat(result.failures).isEmpty();
    assertThat(result.ok.get()).isEqualTo(BURST);
  }

  @Test
  @DisplayName("SIGTERM of a worker under load loses nothing: it drains, leaves, and every request succeeds")
  void workerStoppedMidBurst() throws Exception {
    var leaving = workers.get(1);
    var result = burst(BURST / 4, () -> leaving.process.destroy());
    assertThat(leaving.process.waitFor(30, TimeUnit.SECONDS)).as("worker exits after draining").isTrue();
    System.out.printf("SIGTERM worker: %d/%d ok, failures %s, slowest %d ms%n",
        result.ok.get(), BURST, result.failures, result.slowestMs());
    assertThat(result.failures).isEmpty();
    assertThat(leaving.output()).contains("leaving");
  }

  @Test
  @DisplayName("With every worker gone, a request is answered 503 with Retry-After at once, not at its deadline")
  void noWorkersLeft() throws Exception {
    long killedAt = System.nanoTime();
    workers.forEach(w -> w.process.destroyForcibly());
    ClusterFixture.await(Duration.ofSeconds(20), () -> ClusterFixture.workersKnownBy(gateway) == 0);
    long detected = (System.nanoTime() - killedAt) / 1_000_000;
    long start = System.nanoTime();
    var response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "1001/?width=99")).build(),
        HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("no workers: answered %d in %d ms (workers gone from the gateway %d ms after the kill)%n",
        response.statusCode(), ms, detected);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    // Refused at once rather than held until the request deadline (a minute): the bound is loose
    // because a loaded 2-core CI machine, still settling the cluster after three kills, once took 1.5 s.
    assertThat(ms).isLessThan(5000);
  }

  private record Burst(AtomicInteger ok, Map<Integer, Integer> failures, List<Long> latencies) {
    long slowestMs() {
      return latencies.stream().mapToLong(Long::longValue).max().orElse(0);
    }
  }

  /** {@link #BURST} distinct misses, {@link #CONCURRENCY} at a time; {@code action} runs after {@code after} answers. */
  private Burst burst(int after, Runnable action) throws Exception {
    var ok = new AtomicInteger();
    var failures = new ConcurrentHashMap<Integer, Integer>();
    var latencies = Collections.synchronizedList(new ArrayList<Long>());
    var done = new AtomicInteger();
    long[] frames = {1001, 1002, 1003};
    Consumer<Integer> one = i -> {
      long start = System.nanoTime();
      var url = gateway + frames[i % 3] + "/?width=" + (100 + i);
      try {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          ok.incrementAndGet();
        } else {
          failures.merge(response.statusCode(), 1, Integer::sum);
        }
      } catch (Exception e) {
        failures.merge(-1, 1, Integer::sum);
      }
      latencies.add((System.nanoTime() - start) / 1_000_000);
      if (done.incrementAndGet() == after) {
        action.run();
      }
    };
    try (var pool = Executors.newFixedThreadPool(CONCURRENCY)) {
      var futures = new ArrayList<Future<?>>();
      for (int i = 0; i < BURST; i++) {
        int index = i;
        futures.add(pool.submit(() -> one.accept(index)));
      }
      for (var f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    }
    return new Burst(ok, failures, latencies);
  }
}
