package global.lco.thumbs.worker.job;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.FrameSource;
import global.lco.thumbs.shared.contract.RenderJob;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.shared.contract.TileParams;
import global.lco.thumbs.worker.fetch.FitsFetcher;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.fits.FitsDecoder;
import global.lco.thumbs.worker.fits.FitsLimits;
import global.lco.thumbs.worker.pixels.PixelPool;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A colour composite's build (IIIF, docs/iiif.md) counts among the files a worker holds at once:
 * its three downloads wait until it holds every work slot (nothing else downloads or renders beside
 * a build), over real HTTP on loopback.
 */
class CompositeTilesTest {
  private static final FitsLimits LIMITS = FitsLimits.of(100_000_000L);
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger downloads = new AtomicInteger();
  private final byte[] file = Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz");

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @DisplayName("A composite is downloaded only once it holds every work slot, and gives them back")
  void buildWaitsForAWorkSlot() throws Exception {
    var server = vertx.createHttpServer().requestHandler(req -> {
      downloads.incrementAndGet();
      req.response().end(Buffer.buffer(file));
    }).listen(0, "127.0.0.1").await();
    String url = "http://127.0.0.1:" + server.actualPort() + "/frame.fits.fz";
    var slots = new WorkSlots(2);
    slots.acquire().await(); // a render holds one of the two slots: the build needs both
    try (var pixels = PixelPool.withThreads(2)) {
      var files = new JobFiles(new FitsFetcher(vertx.createHttpClient(), 100_000_000L), Duration.ofSeconds(30));
      var composites = new CompositeTiles(files, vertx.createSharedWorkerExecutor("composite-test", 1), pixels,
          new RenderJobRunner(LIMITS), new MemoryBudget(1L << 30), slots, new FrameCache(64L << 20));
      var frames = List.of(new FrameSource(1, "v1", "r.fits.fz", url), new FrameSource(2, "v1", "g.fits.fz", url),
          new FrameSource(3, "v1", "b.fits.fz", url));
      var sizeOnly = RenderParams.defaults().withTile(TileParams.SIZE_ONLY);
      var job = new RenderJob("test", "key", frames, sizeOnly, System.currentTimeMillis() + 30_000, false);
      Promise<RenderedJob> answer = Promise.promise();
      // CompositeTiles is event-loop confined, as in the worker.
      vertx.getOrCreateContext().runOnContext(v -> composites.render(job).onComplete(answer));

      Thread.sleep(500);
      assertThat(downloads).as("nothing downloaded while a render holds a slot").hasValue(0);
      assertThat(answer.future().isComplete()).isFalse();

      slots.release();
      RenderedJob built = answer.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      var shape = new FitsDecoder(LIMITS).inspect(file);
      assertThat(downloads).hasValue(3);
      assertThat(built.width() * (long) built.height()).isEqualTo((long) shape.width() * shape.height());
      assertThat(slots.used()).as("the build gave its slots back").isZero();
    }
  }
}
