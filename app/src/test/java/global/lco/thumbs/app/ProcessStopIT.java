package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-machine jar ({@code target/thumbs.jar}, built before the integration tests run) as an
 * operator runs it: {@code --demo}, then SIGTERM. Idle, it exits within 5 s with the status of a JVM
 * stopped by SIGTERM and without complaint; with a render in flight, that render is answered first.
 */
class ProcessStopIT {
  private static final Pattern SERVICE = Pattern.compile("Thumbnail service listening on (http://\\S+/)");
  private static final Pattern ARCHIVE = Pattern.compile("listening on (http://\\S+?)/?$");
  private static final int SIGTERM_EXIT = 128 + 15;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path dir;
  Process process;
  final List<String> output = new CopyOnWriteArrayList<>();
  final CompletableFuture<String> serviceUrl = new CompletableFuture<>();
  final CompletableFuture<String> archiveUrl = new CompletableFuture<>();

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Test
  @DisplayName("SIGTERM on an idle service after one thumbnail: exit within 5 s, status 143, no 'did not finish'")
  void idleStopsPromptly() throws Exception {
    var base = start();
    assertThat(get(base + "1001/?width=100&height=100").statusCode()).isEqualTo(200);
    long stopped = System.nanoTime();
    process.destroy();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
    long ms = (System.nanoTime() - stopped) / 1_000_000;
    System.out.println("idle service exited " + ms + " ms after SIGTERM");
    assertThat(ms).as("milliseconds to exit; output:%n%s", String.join("\n", output)).isLessThan(5000);
    assertThat(process.exitValue()).isEqualTo(SIGTERM_EXIT);
    assertThat(output).noneMatch(line -> line.contains("did not finish"));
  }

  @Test
  @DisplayName("SIGTERM with a render in flight: the render is answered, then the process exits")
  void drainsARenderInFlight() throws Exception {
    var base = start();
    var archive = archiveUrl.get(1, TimeUnit.SECONDS);
    var fault = "{\"route\":\"files\",\"mode\":\"delay\",\"delay_ms\":1500,\"frame_id\":1003}";
    var added = HTTP.send(HttpRequest.newBuilder(URI.create(archive + "/_control/faults"))
        .POST(HttpRequest.BodyPublishers.ofString(fault)).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).as(added.body()).isBetween(200, 299);
    var inFlight = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "1003/?width=90&height=90")).build(),
        HttpResponse.BodyHandlers.ofString());
    // Once the archive has the download of 1003, the worker is waiting on the slowed file.
    ClusterFixture.await(Duration.ofSeconds(20), () -> downloadRequested(archive, 1003));
    process.destroy();
    var answer = inFlight.get(30, TimeUnit.SECONDS);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
    assertThat(process.exitValue()).isEqualTo(SIGTERM_EXIT);
    assertThat(output).noneMatch(line -> line.contains("did not finish"));
  }

  private String start() throws Exception {
    var java = ProcessHandle.current().info().command().orElse("java");
    var jar = Path.of("target", "thumbs.jar").toAbsolutePath();
    assertThat(Files.exists(jar)).as(jar + " (built by the package phase)").isTrue();
    var builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--demo").redirectErrorStream(true);
    builder.environment().put("HTTP_PORT", "0");
    builder.environment().put("HTTP_HOST", "127.0.0.1");
    builder.environment().put("SAMPLE_ARCHIVE_PORT", "0");
    builder.environment().put("SAMPLE_ARCHIVE_HOST", "127.0.0.1");
    builder.environment().put("SAMPLE_ARCHIVE_DIR", TestData.root().toString());
    builder.environment().put("THUMBNAIL_DIR", dir.resolve("thumbnails").toString());
    process = builder.start();
    Thread.ofPlatform().daemon().start(this::readOutput);
    var url = serviceUrl.get(60, TimeUnit.SECONDS);
    return url.replace("localhost", "127.0.0.1");
  }

  private void readOutput() {
    try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        var service = SERVICE.matcher(line);
        if (service.find()) {
          serviceUrl.complete(service.group(1));
        } else if (line.startsWith("Demo archive")) {
          var archive = ARCHIVE.matcher(line);
          if (archive.find()) {
            archiveUrl.complete(archive.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean downloadRequested(String archive, long frameId) {
    try {
      var recorded = HTTP.send(HttpRequest.newBuilder(URI.create(archive + "/_control/requests")).build(),
          HttpResponse.BodyHandlers.ofString());
      return new io.vertx.core.json.JsonArray(recorded.body()).stream().map(JsonObject.class::cast)
          .anyMatch(r -> "files".equals(r.getString("route")) && Long.valueOf(frameId).equals(r.getLong("frame_id")));
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
