package global.lco.thumbs.archive;

import global.lco.thumbs.archive.auth.TokenAuthenticator;
import global.lco.thumbs.archive.catalog.Catalog;
import global.lco.thumbs.archive.catalog.CatalogLoader;
import global.lco.thumbs.archive.control.ControlHandler;
import global.lco.thumbs.archive.faults.Faults;
import global.lco.thumbs.archive.files.DownloadHandler;
import global.lco.thumbs.archive.files.DownloadSigner;
import global.lco.thumbs.archive.files.UrlMinter;
import global.lco.thumbs.archive.frames.FramesHandler;
import global.lco.thumbs.archive.http.FaultHandler;
import global.lco.thumbs.archive.http.RequestRecorder;
import global.lco.thumbs.archive.ingest.IngestPublisher;
import global.lco.thumbs.archive.ingest.IngestRoute;
import global.lco.thumbs.archive.recording.RequestLog;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/** Loads the catalogue off the event loop, then wires the handlers and listens. */
final class SampleArchiveVerticle extends VerticleBase {
  private final SampleArchiveOptions options;
  private final Faults faults = new Faults();
  private final RequestLog requestLog = new RequestLog();
  private Catalog catalog;
  private UrlMinter minter;
  private IngestPublisher publisher;
  private IngestRoute ingest;
  private HttpServer server;

  SampleArchiveVerticle(SampleArchiveOptions options) {
    this.options = options;
  }

  @Override
  public Future<?> start() {
    return vertx.executeBlocking(() -> CatalogLoader.load(options.dataDir())).compose(loaded -> {
      catalog = loaded;
      var clock = options.clock();
      var signer = new DownloadSigner(options.signingSecret());
      minter = new UrlMinter(signer, clock, options.urlTtl(), options.publicBaseUrl());
      publisher = options.brokerUrl() == null ? null : new IngestPublisher(vertx, options.brokerUrl(), options.exchange());
      ingest = new IngestRoute(catalog, minter, publisher);
      var router = ArchiveRouter.create(vertx,
          new ControlHandler(faults, requestLog, catalog, minter, clock, ingest),
          new RequestRecorder(requestLog, key -> {
            var frame = catalog.byObjectKey(key);
            return frame == null ? null : frame.id();
          }, clock),
          new FaultHandler(faults),
          new FramesHandler(catalog, faults, minter, new TokenAuthenticator(catalog::userForToken), clock),
          new DownloadHandler(catalog, signer, clock, options.ranges()));
      server = vertx.createHttpServer(new HttpServerOptions()
              .setHost(options.host())
              .setPort(options.port())
              .setIdleTimeout((int) options.idleTimeout().toMillis())
              .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
              .setCompressionSupported(false))
          .requestHandler(router);
      return server.listen();
    });
  }

  @Override
  public Future<?> stop() {
    // Closing drops hanging and trickling connections too, so a test's teardown never waits for them.
    var closed = server == null ? Future.succeededFuture() : server.close();
    return closed.eventually(() -> publisher == null ? Future.succeededFuture() : publisher.close());
  }

  int port() {
    return server.actualPort();
  }

  Catalog catalog() {
    return catalog;
  }

  Faults faults() {
    return faults;
  }

  RequestLog requestLog() {
    return requestLog;
  }

  UrlMinter minter() {
    return minter;
  }

  IngestRoute ingest() {
    return ingest;
  }

  /** The event loop the publisher is confined to. */
  io.vertx.core.Context context() {
    return context;
  }
}
