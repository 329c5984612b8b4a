package global.lco.thumbs.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContractJsonTest {
  private static final FrameSource FRAME = new FrameSource(1001, "v7/abc", "x-e91.fits.fz", "http://a/files/x?sig=1");
  private static final RenderParams PARAMS = new RenderParams(300, 150, "M 101 ☆", true, 97.5, 90);

  @Test
  @DisplayName("a render job survives a JSON round trip unchanged, as text on the bus")
  void jobRoundTrip() {
    var job = new RenderJob("req-1", "k".repeat(64), List.of(FRAME), PARAMS, 1_700_000_000_000L, true);
    var back = RenderJob.fromJson(new JsonObject(job.toJson().encode()));
    assertThat(back).isEqualTo(job);
    assertThat(back.color()).isFalse();
  }

  @Test
  @DisplayName("orientation, format, planet target and cutout survive the JSON round trip")
  void newParametersRoundTrip() {
    var params = PARAMS.withOrientation(OrientationMode.WCS).withFormat(ImageFormat.PNG).withPlanet("Saturn")
        .withCutout(new CutoutParams(5, 6, 70, 80, 0.25, 3.5, true));
    var job = new RenderJob("req-2", "k".repeat(64), List.of(FRAME), params, 1L, false);
    assertThat(RenderJob.fromJson(new JsonObject(job.toJson().encode()))).isEqualTo(job);
  }

  @Test
  @DisplayName("a job from a gateway that predates orientation and format reads as legacy JPEG")
  void oldJobReadsAsLegacy() {
    var json = PARAMS.toJson();
    json.remove("orientation");
    json.remove("format");
    json.remove("planet");
    json.remove("target");
    assertThat(RenderParams.fromJson(json)).isEqualTo(PARAMS);
  }

  @Test
  @DisplayName("a warm job keeps its lane over the bus; a job without a lane (an older gateway's) is a user job")
  void laneRoundTrip() {
    var warm = new RenderJob("req-2", "k", List.of(FRAME), PARAMS, 1L, false, Lane.WARM);
    assertThat(RenderJob.fromJson(new JsonObject(warm.toJson().encode())).lane()).isEqualTo(Lane.WARM);
    var old = warm.toJson();
    old.remove("lane");
    assertThat(RenderJob.fromJson(old).lane()).isEqualTo(Lane.USER);
  }

  @Test
  @DisplayName("a render reply with JPEG bytes survives a JSON round trip")
  void replyRoundTrip() {
    var reply = new RenderReply("k".repeat(64), 200, 134, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}, true,
        Map.of("decode", 12L, "encode", 3L), "node-1");
    var back = RenderReply.fromJson(new JsonObject(reply.toJson().encode()));
    assertThat(back.jpeg()).containsExactly(reply.jpeg());
    assertThat(back.stageMillis()).isEqualTo(reply.stageMillis());
    assertThat(back).usingRecursiveComparison().ignoringFields("jpeg").isEqualTo(reply);
  }

  @Test
  @DisplayName("a reply without bytes decodes with null bytes")
  void replyWithoutBytes() {
    var reply = new RenderReply("k", 1, 1, null, false, Map.of(), "n");
    assertThat(RenderReply.fromJson(reply.toJson()).jpeg()).isNull();
    assertThat(RenderReply.fromJson(reply.toJson()).stored()).isFalse();
  }

  @Test
  @DisplayName("a frame source's text form leaves out the presigned URL")
  void frameSourceHidesUrl() {
    assertThat(FRAME.toString()).doesNotContain("sig=").doesNotContain("http");
  }

  @Test
  @DisplayName("a worker failure decodes to the same kind, status and message")
  void failureRoundTrip() {
    var problem = Problem.decode(422, Failure.UNREADABLE_FITS.encode("No 2-D image HDU in the file"));
    assertThat(problem.failure()).isEqualTo(Failure.UNREADABLE_FITS);
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.getMessage()).isEqualTo("No 2-D image HDU in the file");
  }

  @Test
  @DisplayName("an upstream refusal keeps the upstream's own 4xx status")
  void refusalPassesStatus() {
    assertThat(Problem.decode(403, Failure.ARCHIVE_REFUSED.encode(null)).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("an undecodable failure message becomes an internal error, not an exception")
  void garbageFailure() {
    assertThat(Problem.decode(0, "Timed out after waiting 30000(ms)").failure()).isEqualTo(Failure.INTERNAL);
  }

  @Test
  @DisplayName("a worker status survives a JSON round trip and names the worker's own address")
  void workerStatusRoundTrip() {
    var status = new WorkerStatus("5a1e-node", 10, 3, true);
    var back = WorkerStatus.fromJson(new JsonObject(status.toJson().encode()));
    assertThat(back).isEqualTo(status);
    assertThat(back.address()).isEqualTo(Addresses.RENDER + ".5a1e-node");
  }

  @Test
  @DisplayName("a reply keeps its stages in pipeline order, and is stripped of bytes only for callers that do not want them")
  void replyForCaller() {
    var stages = new LinkedHashMap<String, Long>();
    stages.put("fetch", 5L);
    stages.put("decode", 9L);
    stages.put("encode", 1L);
    var reply = new RenderReply("k", 1, 1, new byte[] {1}, true, stages, "n");
    assertThat(RenderReply.fromJson(reply.toJson()).stageMillis().keySet()).containsExactly("fetch", "decode", "encode");
    assertThat(reply.forCaller(false).jpeg()).isNull();
    assertThat(reply.forCaller(true).jpeg()).containsExactly(1);
    var unstored = new RenderReply("k", 1, 1, new byte[] {1}, false, stages, "n");
    assertThat(unstored.forCaller(false).jpeg()).as("the only copy goes back").containsExactly(1);
  }
}
