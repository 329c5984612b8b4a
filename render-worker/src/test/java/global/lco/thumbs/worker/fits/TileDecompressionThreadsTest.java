package global.lco.thumbs.worker.fits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nom.tam.fits.FitsFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TileDecompressionThreadsTest {

  @Test
  @DisplayName("nom-tam-fits decompresses tiles on the shared render pool, and tile-compressed frames still decode exactly")
  void tilesRunOnTheRenderPool() throws Exception {
    assertThat(TileDecompressionThreads.ensureInstalled()).isTrue();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    FitsFactory.threadPool().submit(() -> threads.add(Thread.currentThread().getName())).get();
    assertThat(threads).allMatch(name -> name.startsWith("ForkJoinPool"));
    var decoder = new FitsDecoder(FitsLimits.of(100_000_000L));
    assertThat(decoder.decode(Corpus.bytes("compressed/m13_rice.fits")).pixels())
        .containsExactly(decoder.decode(Corpus.bytes("compressed/m13.fits")).pixels());
  }
}
