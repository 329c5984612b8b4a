package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.worker.fits.Mutants;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every FITS file that ever made the reading allocate without bound, served by the archive as an
 * ordinary frame, asked for twice through a gateway whose two render workers run as the container
 * images run them (child JVMs, small heap, exit on OutOfMemoryError): each answer is a 4xx, and both
 * workers are still alive and known to the gateway afterwards.
 */
class QueryOfDeathIT {
  @TempDir
  Path dir;
  ClusterFixture cluster;
  String gateway;
  final List<WorkerProcess> workers = new ArrayList<>();

  @BeforeEach
  void start() {
    var data = ArchiveData.withExtraFrames(dir.resolve("archive-data"), "mutants", Mutants.regressions());
    cluster = new ClusterFixture(dir, SampleArchiveOptions.forTests().setDataDir(data));
    gateway = cluster.gateway();
    for (var name : List.of("worker-a", "worker-b")) {
      workers.add(WorkerProcess.start(cluster.env(), dir.resolve(name + ".log"), "-Xmx256m",
          "-XX:+ExitOnOutOfMemoryError"));
    }
    ClusterFixture.await(Duration.ofSeconds(40), () -> ClusterFixture.workersKnownBy(gateway) == 2,
        () -> workers.stream().map(WorkerProcess::output).reduce("", String::concat));
  }

  @AfterEach
  void stop() {
    workers.forEach(WorkerProcess::close);
    cluster.close();
  }

  @Test
  @DisplayName("Each regression mutant, asked for twice, is a 4xx JSON answer, and no worker is lost")
  void mutantsCostNoWorker() {
    var answers = new ArrayList<String>();
    for (var basename : Mutants.regressions().keySet()) {
      for (int attempt = 1; attempt <= 2; attempt++) {
        long start = System.nanoTime();
        var response = ClusterFixture.get(gateway + basename + "/?width=200&height=200");
        long ms = (System.nanoTime() - start) / 1_000_000;
        var body = new String(response.body(), StandardCharsets.UTF_8);
        answers.add(basename + " #" + attempt + ": " + response.statusCode() + " in " + ms + " ms " + body);
        assertThat(response.statusCode()).as(basename + ": " + body).isBetween(400, 499);
        assertThat(new JsonObject(body).getString("message")).as(basename).isNotBlank();
      }
    }
    answers.forEach(System.out::println);
    workers.forEach(w -> assertThat(w.process.isAlive()).as(w.output()).isTrue());
    assertThat(ClusterFixture.workersKnownBy(gateway)).isEqualTo(2);
    assertThat(ClusterFixture.get(gateway + "1003/?width=64&height=64").statusCode()).isEqualTo(200);
  }
}
