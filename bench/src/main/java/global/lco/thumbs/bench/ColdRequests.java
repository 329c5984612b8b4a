package global.lco.thumbs.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Thumbnail requests to the service as a client makes them ({@code image=true}: the answer is the
 * JPEG), each for a frame version nobody has asked for yet, so every one is a cold render: archive
 * lookup, FITS download, decode, render, store. Timed from sending the request to the last byte of
 * the answer; the reprocessing that makes the version new happens before the clock starts.
 */
final class ColdRequests implements AutoCloseable {
  static final int SIDE = 500;

  /** One answer: status, milliseconds, the Retry-After header (or null) and the body's size. */
  record Answer(int status, double ms, String retryAfter, int bytes) {
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ServiceProcess service;
  private final BenchArchive archive;

  ColdRequests(ServiceProcess service, BenchArchive archive) {
    this.service = service;
    this.archive = archive;
  }

  Answer mono() {
    return mono(archive.freshMono(), false);
  }

  Answer median() {
    return mono(archive.freshMono(), true);
  }

  Answer colour() {
    return get("/" + archive.freshColour() + "/?width=" + SIDE + "&height=" + SIDE + "&color=true&image=true");
  }

  /** Client {@code client}'s {@code n}-th request of a load level. */
  Answer mono(int client, long n) {
    return mono(archive.freshMono(client, n), false);
  }

  private Answer mono(long id, boolean median) {
    return get("/" + id + "/?width=" + SIDE + "&height=" + SIDE + (median ? "&median=true" : "") + "&image=true");
  }

  /** The answer, or status -1 when no answer came (connection refused or reset, timeout). */
  Answer get(String pathAndQuery) {
    var request = HttpRequest.newBuilder(URI.create(service.url(pathAndQuery))).timeout(Duration.ofSeconds(70)).build();
    long start = System.nanoTime();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      double ms = Stats.millis(System.nanoTime() - start);
      return new Answer(response.statusCode(), ms, response.headers().firstValue("Retry-After").orElse(null),
          response.body().length);
    } catch (IOException failed) {
      return new Answer(-1, Stats.millis(System.nanoTime() - start), null, 0);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** A request that must succeed: the milliseconds of a 200, else an exception naming the status. */
  static double ok(Answer answer, String what) {
    if (answer.status() != 200) {
      throw new IllegalStateException(what + " answered " + answer.status() + " (see the service log)");
    }
    return answer.ms();
  }

  @Override
  public void close() {
    http.close();
  }
}
