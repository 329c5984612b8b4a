package global.lco.thumbs.archive;

import global.lco.thumbs.archive.routes.Route;

import global.lco.thumbs.archive.catalog.Catalog;
import global.lco.thumbs.archive.catalog.FrameVersion;
import global.lco.thumbs.archive.faults.Faults;
import global.lco.thumbs.archive.recording.RecordedRequest;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * A running sample archive: an HTTP server imitating the LCO Science Archive API (frames,
 * presigned downloads, token auth) over a folder of FITS files, with fault injection and request
 * recording for tests. Deploy it on the test's own Vert.x instance:
 *
 * <pre>{@code
 * SampleArchive.start(vertx, SampleArchiveOptions.forTests()).onSuccess(archive -> {
 *   archive.faults().add(Fault.status(Route.FRAMES, 500).once());
 *   // point the client at archive.baseUrl(), then assert on archive.requests() / archive.downloads()
 * });
 * }</pre>
 */
public final class SampleArchive {
  private final Vertx vertx;
  private final String deploymentId;
  private final SampleArchiveVerticle verticle;
  private final SampleArchiveOptions options;

  private SampleArchive(Vertx vertx, String deploymentId, SampleArchiveVerticle verticle,
      SampleArchiveOptions options) {
    this.vertx = vertx;
    this.deploymentId = deploymentId;
    this.verticle = verticle;
    this.options = options;
  }

  /** Loads the catalogue and listens; fails with a {@code CatalogException} listing catalogue problems. */
  public static Future<SampleArchive> start(Vertx vertx, SampleArchiveOptions options) {
    var copy = new SampleArchiveOptions(options);
    var verticle = new SampleArchiveVerticle(copy);
    return vertx.deployVerticle(verticle).map(id -> new SampleArchive(vertx, id, verticle, copy));
  }

  /** {@code http://host:port/}, ending with a slash, ready to be the thumbnail service's {@code ARCHIVE_API_URL}. */
  public String baseUrl() {
    var host = options.host();
    var shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return "http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port() + "/";
  }

  public int port() {
    return verticle.port();
  }

  /** The frames and users served. */
  public Catalog catalog() {
    return verticle.catalog();
  }

  /** Arm and clear faults; they apply from the next request on. */
  public Faults faults() {
    return verticle.faults();
  }

  /** Every archive request so far (control requests excluded), oldest first; an immutable snapshot. */
  public List<RecordedRequest> requests() {
    return verticle.requestLog().all();
  }

  public List<RecordedRequest> requests(Route route) {
    return verticle.requestLog().of(route);
  }

  /** The GETs of files (HEADs excluded), whatever their outcome. */
  public List<RecordedRequest> downloads() {
    return verticle.requestLog().downloads();
  }

  public void clearRequests() {
    verticle.requestLog().clear();
  }

  /** Clears faults and recorded requests: a clean slate between tests sharing one archive. */
  public void reset() {
    faults().clear();
    clearRequests();
  }

  /** Simulates reprocessing: the frame gains a new newest version (new id and key), as after a pipeline rerun. */
  public FrameVersion reprocess(long frameId) {
    return catalog().reprocess(frameId, options.clock().instant());
  }

  /**
   * Announces the frame on the broker's fanout exchange as the archive does after ingest (fails
   * without a broker, see {@link SampleArchiveOptions#setBrokerUrl}). Runs on the archive's context.
   */
  public Future<Void> ingest(long frameId) {
    var frame = catalog().byId(frameId);
    if (frame == null) {
      return Future.failedFuture("no such frame " + frameId);
    }
    Promise<Void> done = Promise.promise();
    verticle.context().runOnContext(v -> verticle.ingest().ingest(frame, baseUrl()).onComplete(done));
    return done.future();
  }

  /** Points minted download URLs at another base ({@code scheme://host:port/}); {@code null} for each request's own host. */
  public SampleArchive setPublicBaseUrl(String url) {
    if (url != null && SampleArchiveOptions.publicUrlProblem(url) != null) {
      throw new IllegalArgumentException("public base URL " + SampleArchiveOptions.publicUrlProblem(url));
    }
    verticle.minter().setPublicBaseUrl(url);
    return this;
  }

  /** The lifetime of URLs minted from now on. */
  public SampleArchive setUrlTtl(Duration ttl) {
    verticle.minter().setTtl(ttl);
    return this;
  }

  /** Undeploys: the server stops and open connections (hanging or trickling ones too) are closed. */
  public Future<Void> close() {
    return vertx.undeploy(deploymentId);
  }
}
