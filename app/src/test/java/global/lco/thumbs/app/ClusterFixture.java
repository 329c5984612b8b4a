package global.lco.thumbs.app;

import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.gateway.GatewayConfig;
import global.lco.thumbs.gateway.GatewayVerticle;
import global.lco.thumbs.gateway.dispatch.WorkerRegistry;
import global.lco.thumbs.gateway.WarmListenerVerticle;
import global.lco.thumbs.gateway.warm.WarmStatus;
import global.lco.thumbs.shared.cluster.ClusterConfig;
import global.lco.thumbs.shared.cluster.ClusterNode;
import global.lco.thumbs.shared.cluster.NodeOptions;
import global.lco.thumbs.shared.config.ConfigException;
import global.lco.thumbs.shared.config.Env;
import global.lco.thumbs.shared.store.StoreConfig;
import global.lco.thumbs.shared.store.ThumbnailStores;
import global.lco.thumbs.worker.RenderWorkerConfig;
import global.lco.thumbs.worker.RenderWorkerVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Clustered nodes on loopback for tests: a random cluster name and a random Hazelcast port block
 * per fixture, so runs never meet each other (or a developer's cluster).
 */
final class ClusterFixture implements AutoCloseable {
  final String clusterName = "thumbs-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  final int hazelcastPort = 20_000 + 40 * ThreadLocalRandom.current().nextInt(500);
  final Path dir;
  final Vertx archiveVertx = Vertx.vertx();
  final SampleArchive archive;
  private final List<ClusterNode> nodes = new ArrayList<>();

  ClusterFixture(Path dir) {
    this(dir, SampleArchiveOptions.forTests());
  }

  ClusterFixture(Path dir, SampleArchiveOptions archiveOptions) {
    this.dir = dir;
    this.archive = SampleArchive.start(archiveVertx, archiveOptions).await();
  }

  /** Environment of every node: the cluster, the shared thumbnail directory and the archive. */
  Map<String, String> env() {
    var env = new HashMap<String, String>();
    env.put("CLUSTER_NAME", clusterName);
    env.put("CLUSTER_HOST", "127.0.0.1");
    env.put("HAZELCAST_PORT", Integer.toString(hazelcastPort));
    env.put("CLUSTER_MEMBERS", "127.0.0.1");
    env.put("THUMBNAIL_DIR", dir.resolve("thumbnails").toString());
    env.put("THUMBNAIL_URL_SECRET", "cluster-test-secret-0123456789");
    env.put("ARCHIVE_API_URL", archive.baseUrl());
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", "0");
    // Child-JVM workers (WorkerProcess) open a management port; several share this machine.
    env.put("MANAGEMENT_PORT", "0");
    env.put("RENDER_CONCURRENCY", "2");
    return env;
  }

  ClusterNode node(Map<String, String> env) {
    var problems = new ArrayList<String>();
    var cluster = ClusterConfig.fromEnv(new Env(env, problems));
    ConfigException.throwIfAny(problems);
    var node = ClusterNode.start(cluster, NodeOptions.defaults()).await();
    nodes.add(node);
    return node;
  }

  ClusterNode worker() {
    var env = env();
    var node = node(env);
    var problems = new ArrayList<String>();
    var config = RenderWorkerConfig.fromEnv(new Env(env, problems));
    var store = ThumbnailStores.open(node.vertx(), StoreConfig.fromEnv(new Env(env, problems), 0)).await();
    ConfigException.throwIfAny(problems);
    node.vertx().deployVerticle(new RenderWorkerVerticle(config, store, node.nodeId())).await();
    return node;
  }

  /** A gateway node; returns its base URL. */
  String gateway() {
    return gateway(Map.of());
  }

  /** A gateway node with these settings on top of {@link #env()}, and its warm listener when WARM_BROKER_URL is among them. */
  String gateway(Map<String, String> extra) {
    var env = env();
    env.putAll(extra);
    var node = node(env);
    node.onMemberLeft(id -> WorkerRegistry.reportMemberLeft(node.vertx(), id));
    var problems = new ArrayList<String>();
    var config = GatewayConfig.fromEnv(new Env(env, problems));
    var store = ThumbnailStores.open(node.vertx(), StoreConfig.fromEnv(new Env(env, problems), 0)).await();
    ConfigException.throwIfAny(problems);
    var warm = WarmStatus.of(config.warm());
    var verticle = new GatewayVerticle(config, store, warm);
    node.vertx().deployVerticle(verticle).await();
    if (config.warm().enabled()) {
      node.vertx().deployVerticle(new WarmListenerVerticle(config, store, warm)).await();
    }
    return "http://127.0.0.1:" + verticle.port() + "/";
  }

  static void await(Duration timeout, java.util.function.BooleanSupplier condition) {
    await(timeout, condition, () -> "");
  }

  /** As {@link #await(Duration, java.util.function.BooleanSupplier)}, saying what the state was when it gave up. */
  static void await(Duration timeout, java.util.function.BooleanSupplier condition,
                    java.util.function.Supplier<String> state) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + timeout + " " + state.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    nodes.forEach(n -> n.close().await());
    archive.close().await();
    archiveVertx.close().await();
  }

  private static final HttpClient FIXTURE_HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** How many render workers a gateway knows, from its /ready answer. */
  static int workersKnownBy(String gateway) {
    var response = get(gateway + "ready");
    return new JsonObject(new String(response.body())).getInteger("workers", 0);
  }

  static HttpResponse<byte[]> get(String url) {
    try {
      return FIXTURE_HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
