package global.lco.thumbs.bench;

import global.lco.thumbs.archive.SampleArchive;
import global.lco.thumbs.archive.SampleArchiveOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sample archive on loopback, serving one benchmark frame under many frame ids, so every
 * request can be made cold: before each request the frame is reprocessed (a new archive version,
 * hence a new cache key), and the ids are taken in turn so no frame collects many versions (each
 * version adds a signed URL to every lookup of its frame). A colour request set holds the same
 * frame as red, V and B frames.
 */
final class BenchArchive implements AutoCloseable {
  /** Frame ids of the sequential requests; each client of a load level has {@link #PER_CLIENT} more. */
  static final int SEQUENTIAL_IDS = 32;
  static final int PER_CLIENT = 4;
  static final int MAX_CLIENTS = EndToEnd.OVERLOAD_CLIENTS;
  static final int COLOUR_SETS = 8;
  private static final long FIRST_MONO = 20_000;
  private static final long FIRST_COLOUR = 30_000;
  private static final long FIRST_REQUEST = 70_000;
  /** Never reprocessed: the stored thumbnail of the hit path. */
  static final long HIT_FRAME = 19_999;

  private final SampleArchive archive;
  private final AtomicLong sequential = new AtomicLong();
  private final AtomicLong colour = new AtomicLong();

  private BenchArchive(SampleArchive archive) {
    this.archive = archive;
  }

  /** Writes the catalogue beside {@code frame} (which must lie under {@code data}) and starts the archive. */
  static BenchArchive start(Vertx vertx, Path data, Path frame) throws IOException {
    String file = data.relativize(frame).toString().replace('\\', '/');
    var frames = new JsonArray();
    frames.add(entry(HIT_FRAME, "bench-hit", file, null, null));
    for (int i = 0; i < SEQUENTIAL_IDS + MAX_CLIENTS * PER_CLIENT; i++) {
      frames.add(entry(FIRST_MONO + i, "bench-mono-" + i, file, null, null));
    }
    String[] filters = {"R", "V", "B"};
    for (int set = 0; set < COLOUR_SETS; set++) {
      for (int c = 0; c < 3; c++) {
        frames.add(entry(FIRST_COLOUR + 3L * set + c, "bench-colour-" + set + "-" + filters[c], file,
            FIRST_REQUEST + set, filters[c]));
      }
    }
    Path catalog = data.resolve("archive/catalog.json");
    Files.createDirectories(catalog.getParent());
    Files.writeString(catalog, new JsonObject().put("comment", "written by the benchmark (BenchArchive)")
        .put("frames", frames).encodePrettily());
    var archive = SampleArchive.start(vertx, SampleArchiveOptions.forTests().setDataDir(data)).await();
    return new BenchArchive(archive);
  }

  private static JsonObject entry(long id, String basename, String file, Long requestId, String filter) {
    var entry = new JsonObject().put("id", id).put("basename", basename).put("file", file)
        .put("observation_date", "2015-12-16T18:20:48.907Z").put("proposal_id", "LCOEPO2014B-010")
        .put("reduction_level", 91).put("configuration_type", "EXPOSE")
        .put("request_id", requestId == null ? 60_000 + id : requestId);
    if (filter != null) {
      entry.put("primary_optical_element", filter);
    }
    return entry;
  }

  String baseUrl() {
    return archive.baseUrl();
  }

  /** A mono frame id with a new version: its next thumbnail is cold. */
  long freshMono() {
    long id = FIRST_MONO + sequential.getAndIncrement() % SEQUENTIAL_IDS;
    archive.reprocess(id);
    return id;
  }

  /** Client {@code client}'s {@code n}-th frame id of a load level, with a new version. */
  long freshMono(int client, long n) {
    long id = FIRST_MONO + SEQUENTIAL_IDS + (long) client * PER_CLIENT + n % PER_CLIENT;
    archive.reprocess(id);
    return id;
  }

  /** The red frame of a colour set whose red frame has a new version: its colour thumbnail is cold. */
  long freshColour() {
    long id = FIRST_COLOUR + 3 * (colour.getAndIncrement() % COLOUR_SETS);
    archive.reprocess(id);
    return id;
  }

  @Override
  public void close() {
    archive.close().await();
  }
}
