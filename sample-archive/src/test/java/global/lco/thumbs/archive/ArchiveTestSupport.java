package global.lco.thumbs.archive;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** One sample archive per test class on the bundled corpus, a plain WebClient, and a clean slate per test. */
@ExtendWith(VertxExtension.class)
abstract class ArchiveTestSupport {
  static final long TIMEOUT_SECONDS = 10;
  /** Known to the tests, so they can sign URLs for objects the archive never minted. */
  static final byte[] SIGNING_SECRET = "sample-archive-test-signing-secret".getBytes(StandardCharsets.US_ASCII);
  static SampleArchive archive;
  static WebClient client;

  @BeforeAll
  static void startArchive(Vertx vertx) throws Exception {
    archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setSigningSecret(SIGNING_SECRET)).await(20, TimeUnit.SECONDS);
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(false));
  }

  @AfterAll
  static void stopArchive() throws Exception {
    client.close();
    archive.close().await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  @BeforeEach
  void cleanSlate() {
    archive.reset();
    archive.setUrlTtl(SampleArchiveOptions.DEFAULT_URL_TTL).setPublicBaseUrl(null);
  }

  /** GET of a path below the archive's base URL, or of an absolute URL; headers as name, value pairs. */
  static HttpResponse<Buffer> get(String pathOrUrl, String... headers) throws Exception {
    return await(request(pathOrUrl, headers).send());
  }

  static io.vertx.ext.web.client.HttpRequest<Buffer> request(String pathOrUrl, String... headers) {
    var url = pathOrUrl.startsWith("http") ? pathOrUrl : archive.baseUrl() + pathOrUrl;
    var request = client.getAbs(url);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return request;
  }

  static JsonObject getJson(String pathOrUrl, String... headers) throws Exception {
    var response = get(pathOrUrl, headers);
    if (response.statusCode() != 200) {
      throw new AssertionError(pathOrUrl + " answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
