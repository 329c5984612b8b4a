package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render worker in a child JVM whose TMP_DIR and java.io.tmpdir both point at a folder of the
 * test's own: renders and a kill in the middle of them leave no file there, because the whole
 * pipeline (download, decode, render) is in memory.
 */
class WorkerTempFilesIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  Path dir;
  ClusterFixture cluster;
  WorkerProcess worker;

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
    cluster.close();
  }

  @Test
  @DisplayName("A worker killed mid-render leaves no temporary file, and none appears while it renders")
  void killedMidRenderLeavesNothing() throws Exception {
    cluster = new ClusterFixture(dir);
    var gateway = cluster.gateway();
    var tmp = Files.createDirectories(dir.resolve("worker-tmp"));
    var env = new HashMap<>(cluster.env());
    env.put("TMP_DIR", tmp.toString());
    env.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
    env.put("RENDER_QUEUE_LENGTH", "32");
    worker = WorkerProcess.start(env, dir.resolve("worker.log"));
    try {
      ClusterFixture.await(Duration.ofSeconds(40), () -> ClusterFixture.workersKnownBy(gateway) == 1);
    } catch (AssertionError notReady) {
      System.out.println(worker.output());
      throw notReady;
    }

    var answered = new AtomicInteger();
    var mostFilesSeen = new AtomicLong();
    var requests = new ArrayList<Thread>();
    for (int i = 0; i < 24; i++) {
      var url = gateway + "1001/?width=" + (300 + i);
      requests.add(Thread.ofVirtual().start(() -> {
        try {
          HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException ignored) {
          // the kill may cut any of them off; only the files matter here
        }
        answered.incrementAndGet();
      }));
    }
    // Watch the folder while the worker downloads and renders, then kill it with work in flight.
    long until = System.nanoTime() + 20_000_000_000L;
    while (answered.get() < 4 && System.nanoTime() < until) {
      mostFilesSeen.accumulateAndGet(files(tmp), Math::max);
      Thread.sleep(5);
    }
    worker.process.destroyForcibly().waitFor();
    for (var request : requests) {
      request.join(Duration.ofSeconds(90));
    }
    System.out.printf("killed worker after %d of 24 answers; most files seen in its temp folder: %d, after: %d%n",
        answered.get() >= 4 ? 4 : answered.get(), mostFilesSeen.get(), files(tmp));
    assertThat(mostFilesSeen.get()).as("files seen while rendering").isZero();
    assertThat(files(tmp)).as("files left after the kill").isZero();
  }

  private static long files(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> found = walk.filter(Files::isRegularFile).toList();
      return found.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
