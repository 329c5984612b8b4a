package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.cluster.ClusterNode;
import global.lco.thumbs.gateway.dispatch.Rendezvous;
import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.RenderJob;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two gateways and two render workers, each its own clustered Vert.x instance, in one JVM on loopback. */
class ClusterTest {
  @TempDir
  static Path dir;
  static ClusterFixture cluster;
  static List<String> gateways;
  /** Routing key (frame id/version) → the workers its jobs reached, from the workers' inbound event bus. */
  static Map<String, Set<String>> workersPerFrame = new ConcurrentHashMap<>();
  static List<String> workerIds = new ArrayList<>();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    cluster = new ClusterFixture(dir);
    for (int i = 0; i < 2; i++) {
      ClusterNode worker = cluster.worker();
      workerIds.add(worker.nodeId());
      // Record where each job lands by watching the worker's inbound event bus: real traffic, no mock.
      worker.vertx().eventBus().addInboundInterceptor(ctx -> {
        if (ctx.message().address().startsWith(Addresses.RENDER) && ctx.message().body() instanceof JsonObject body) {
          workersPerFrame.computeIfAbsent(Rendezvous.routingKey(RenderJob.fromJson(body)),
              key -> ConcurrentHashMap.newKeySet()).add(worker.nodeId());
        }
        ctx.next();
      });
    }
    gateways = List.of(cluster.gateway(), cluster.gateway());
    for (var gateway : gateways) {
      // Four Hazelcast members joining one by one on a busy 2-core CI machine can take a while.
      ClusterFixture.await(Duration.ofSeconds(30), () -> ClusterFixture.workersKnownBy(gateway) == 2,
          () -> "gateway " + gateway + " /ready: " + new String(ClusterFixture.get(gateway + "ready").body()));
    }
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @BeforeEach
  void reset() {
    cluster.archive.clearRequests();
  }

  @Test
  @DisplayName("Whichever gateway is asked, every job for a frame goes to the one worker rendezvous hashing picks for it")
  void eachFrameToItsRendezvousWorker() {
    workersPerFrame.clear();
    var statuses = new ArrayList<Integer>();
    for (int round = 0; round < 2; round++) {
      for (long frame : new long[] {1001, 1002, 1003, 1020, 1022, 1030, 1031, 1032}) {
        var gateway = gateways.get((int) (frame + round) % 2);
        statuses.add(ClusterFixture.get(gateway + frame + "/?width=" + (150 + round)).statusCode());
      }
    }
    assertThat(statuses).containsOnly(200);
    assertThat(workersPerFrame).hasSize(8);
    // The node ids are random, so which worker wins a frame differs from run to run; that it is
    // the rendezvous winner, and the same one for both rounds and both gateways, does not.
    workersPerFrame.forEach((frame, workers) ->
        assertThat(workers).as(frame).containsExactly(Rendezvous.choose(workerIds, frame)));
  }

  @Test
  @DisplayName("20 concurrent identical misses on two gateways make exactly one render")
  void singleFlightAcrossGateways() {
    var requests = new ArrayList<CompletableFuture<HttpResponse<byte[]>>>();
    for (int i = 0; i < 20; i++) {
      var request = HttpRequest.newBuilder(URI.create(gateways.get(i % 2) + "1001/?width=321&height=321"))
          .timeout(Duration.ofSeconds(30)).build();
      requests.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
    }
    var urls = requests.stream().map(CompletableFuture::join)
        .peek(r -> assertThat(r.statusCode()).isEqualTo(200))
        .map(r -> new JsonObject(new String(r.body())).getString("url").replaceAll("\\?.*", ""))
        .distinct().toList();
    assertThat(urls).hasSize(1);
    assertThat(cluster.archive.downloads()).hasSize(1);
  }

  @Test
  @DisplayName("A node with another cluster name does not join, even on the same ports")
  void otherClusterNameStaysOut() {
    var foreignEnv = new HashMap<>(cluster.env());
    foreignEnv.put("CLUSTER_NAME", cluster.clusterName + "-other");
    var foreign = cluster.node(foreignEnv);
    assertThat(foreign.members()).hasSize(1);
    var ours = cluster.node(cluster.env());
    assertThat(ours.members()).hasSize(5).doesNotContain(foreign.nodeId());
  }
}
