package global.lco.thumbs.archive;

import global.lco.thumbs.archive.routes.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.archive.faults.Fault;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Request recording and the /_control/ endpoint")
class RecordingAndControlTest extends ArchiveTestSupport {

  @Test
  @DisplayName("Each request is recorded with method, path, query, route, Accept and whether Authorization was sent")
  void recordsRequests() throws Exception {
    get("frames/?request_id=60001", "Accept", "application/json", "Authorization", "Token sample-token-other");

    assertThat(archive.requests()).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.path()).isEqualTo("/frames/");
      assertThat(r.query()).isEqualTo("request_id=60001");
      assertThat(r.route()).isEqualTo(Route.FRAMES);
      assertThat(r.accept()).isEqualTo("application/json");
      assertThat(r.authorization()).isTrue();
      assertThat(r.at()).isNotNull();
    });
  }

  @Test
  @DisplayName("Metadata calls and downloads are counted separately")
  void countsByRoute() throws Exception {
    get(getJson("frames/1003/").getString("url"));

    assertThat(archive.requests(Route.FRAMES)).hasSize(1);
    assertThat(archive.downloads()).singleElement().satisfies(r -> assertThat(r.authorization()).isFalse());
  }

  @Test
  @DisplayName("The recorded list is an immutable snapshot and clearRequests empties the log")
  void snapshotAndClear() throws Exception {
    get("health/");
    var snapshot = archive.requests();
    archive.clearRequests();

    assertThat(snapshot).hasSize(1);
    assertThat(archive.requests()).isEmpty();
    assertThatThrownBy(() -> snapshot.add(null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("POST /_control/faults arms a fault from JSON; control calls are not recorded")
  void controlFaults() throws Exception {
    var armed = await(client.postAbs(archive.baseUrl() + "_control/faults")
        .sendJsonObject(new JsonObject().put("route", "frames").put("mode", "status").put("status", 503)
            .put("once", true)));
    var response = get("frames/1001/");

    assertThat(armed.statusCode()).isEqualTo(201);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(get("frames/1001/").statusCode()).isEqualTo(200);
    assertThat(archive.requests()).allSatisfy(r -> assertThat(r.path()).doesNotStartWith("/_control"));
  }

  @Test
  @DisplayName("A bad fault description is a 400")
  void controlRejectsBadFault() throws Exception {
    var response = await(client.postAbs(archive.baseUrl() + "_control/faults")
        .sendBuffer(Buffer.buffer("{\"mode\":\"explode\"}")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(archive.faults().active()).isEmpty();
  }

  @Test
  @DisplayName("GET /_control/requests lists the recorded requests; POST /_control/reset clears them and the faults")
  void controlRequestsAndReset() throws Exception {
    get("frames/1001/");
    archive.faults().add(Fault.status(Route.FILES, 500));
    var listed = await(client.getAbs(archive.baseUrl() + "_control/requests").send()).bodyAsJsonArray();
    var reset = await(client.postAbs(archive.baseUrl() + "_control/reset").send());

    assertThat(listed).hasSize(1);
    assertThat(((JsonObject) listed.getValue(0)).getString("path")).isEqualTo("/frames/1001/");
    assertThat(reset.statusCode()).isEqualTo(204);
    assertThat(archive.requests()).isEmpty();
    assertThat(archive.faults().active()).isEmpty();
  }

  @Test
  @DisplayName("POST /_control/frames/{id}/ingest: 503 naming QUEUE_BROKER_URL without a broker, 404 for an unknown frame")
  void ingestWithoutBroker() throws Exception {
    var noBroker = await(client.postAbs(archive.baseUrl() + "_control/frames/1001/ingest").send());
    assertThat(noBroker.statusCode()).isEqualTo(503);
    assertThat(noBroker.bodyAsJsonObject().getString("error")).contains("QUEUE_BROKER_URL");
    assertThat(await(client.postAbs(archive.baseUrl() + "_control/frames/424242/ingest").send()).statusCode()).isEqualTo(404);
    assertThat(archive.requests()).isEmpty();
  }
}
