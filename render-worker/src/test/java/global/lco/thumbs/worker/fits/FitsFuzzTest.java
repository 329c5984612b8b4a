package global.lco.thumbs.worker.fits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutation fuzzing of the FITS reading, seeded and reproducible: a fixed budget of mutants of the
 * bundled frames ({@link FitsMutator}), each read the way a worker does (headers inspected for the
 * memory budget, then decoded). Every mutant must give an image or an {@link UnreadableFitsException},
 * allocate no more than a few copies of itself plus what its header-checked image needs, and take
 * under a second. A failing mutant is written to {@code target/fuzz-failures/} to be kept as a
 * regression fixture in {@code src/test/resources/fits-mutants/}.
 *
 * <p>Longer runs: {@code mvn -pl render-worker -am verify -Dtest=FitsFuzzTest -Dfuzz.mutants=100000 -Dfuzz.seed=7}.
 */
class FitsFuzzTest {
  private static final int MUTANTS = Integer.getInteger("fuzz.mutants", 3000);
  private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
  /** Large enough for every seed, small enough that a claim past it is refused cheaply. */
  private static final long MAX_PIXELS = 1L << 24;
  private static final FitsDecoder DECODER = new FitsDecoder(FitsLimits.of(MAX_PIXELS));
  /** Small seeds keep the budget fast and every mutant worth keeping small; two larger LCO-like frames add fpack's float layout. */
  private static final List<String> SEEDS = List.of(
      "compressed/m13_rice.fits", "compressed/m13_gzip.fits", "compressed/m13_hcomp.fits",
      "compressed/m13_plio.fits", "compressed/m13real_rice.fits", "compressed/ngc1316-rice-int16.fits",
      "compressed/m13.fits", "edge/bitpix64-blank-1x1.fits", "edge/mixed-hdus-table-first.fits",
      "edge/sqa0m801-kb35-20151216-0966-g00-1row.fits.fz", "edge/lco-cutout-uncompressed-named.fits.fz",
      "edge/lsc1m005-kb78-20151109-0179-e90-1row.fits.fz", "edge/spitzer-irs-nan-bitpix-32.fits",
      "lco/coj2m002-ep07-20240610-diff-cutout.fits", "lco/m101-lco-cutout-blue.fits",
      "lco-like/sdss-86S-ip-lco-like.fits.fz", "lco/cpt1m012-fl10-20151216-0073-e00.fits.fz");
  private static final long BASE_ALLOWANCE = 16L << 20;
  private static final long BYTES_PER_FILE_BYTE = 8;
  /** The decode's floats, nom-tam-fits' stored values and per-tile buffers, with room to spare. */
  private static final long BYTES_PER_CLAIMED_PIXEL = 24;
  /**
   * nom-tam-fits' GZIP decompressor allocates three 64 KiB buffers for every tile, however small
   * (about 58 MiB for the 300 row tiles of m13_gzip.fits): garbage at once, never live together.
   */
  private static final long BYTES_PER_CLAIMED_TILE = 256 << 10;

  @Test
  @DisplayName("Every mutant of the corpus is an image or an UnreadableFitsException, allocating within its bound, under a second")
  void mutantsAreImagesOrRefusals() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var seeds = SEEDS.stream().map(Corpus::bytes).toList();
    var random = new Random(SEED);
    var failures = new ArrayList<String>();
    warmUp(seeds);
    int images = 0;
    int refusals = 0;
    long worstAllocation = 0;
    String worstMutant = "";
    long slowestMs = 0;
    long started = System.nanoTime();
    for (int n = 0; n < MUTANTS; n++) {
      int seedIndex = random.nextInt(seeds.size());
      var mutant = FitsMutator.mutate(seeds.get(seedIndex), random);
      String name = "mutant " + n + " of " + SEEDS.get(seedIndex) + " (" + mutant.description() + ")";
      long before = threads.getTotalThreadAllocatedBytes();
      long start = System.nanoTime();
      long claimedPixels = 0;
      long claimedTiles = 0;
      try {
        var shape = DECODER.inspect(mutant.bytes());
        claimedPixels = shape.pixels();
        claimedTiles = shape.tiles();
        DECODER.decode(mutant.bytes());
        images++;
      } catch (UnreadableFitsException refused) {
        refusals++;
      } catch (Throwable unexpected) {
        failures.add(name + ": " + unexpected);
        keep(n, mutant.bytes());
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      long allocated = threads.getTotalThreadAllocatedBytes() - before;
      long bound = BASE_ALLOWANCE + BYTES_PER_FILE_BYTE * mutant.bytes().length
          + BYTES_PER_CLAIMED_PIXEL * claimedPixels + BYTES_PER_CLAIMED_TILE * claimedTiles;
      if (allocated > bound) {
        failures.add(name + ": allocated " + allocated + " bytes, bound " + bound);
        keep(n, mutant.bytes());
      }
      // A pause of the machine (GC, another process) can stretch one read; a slow mutant is slow every time.
      if (ms > 1000 && (ms = timeAgain(mutant.bytes())) > 1000) {
        failures.add(name + ": took " + ms + " ms, twice");
        keep(n, mutant.bytes());
      }
      if (allocated > worstAllocation) {
        worstAllocation = allocated;
        worstMutant = name;
      }
      slowestMs = Math.max(slowestMs, ms);
    }
    System.out.printf("fuzz: %d mutants (seed %d) in %d ms: %d images, %d refused, %d failures;"
            + " worst allocation %.1f MiB (%s); slowest %d ms%n", MUTANTS, SEED,
        (System.nanoTime() - started) / 1_000_000, images, refusals, failures.size(),
        worstAllocation / 1048576.0, worstMutant, slowestMs);
    assertThat(failures).as("mutants that broke the contract (kept in target/fuzz-failures)").isEmpty();
    assertThat(images).as("mutants still read as images (the fuzz reaches the pixel decoding)").isPositive();
  }

  static Stream<Arguments> regressions() {
    return Mutants.regressions().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressions")
  @DisplayName("Every mutant that once failed is refused from its tile table, allocating a few copies of itself at most")
  void regressionMutantsAreRefusedCheaply(String name, byte[] mutant) {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getTotalThreadAllocatedBytes();
    assertThatThrownBy(() -> DECODER.inspect(mutant)).isInstanceOf(UnreadableFitsException.class);
    assertThatThrownBy(() -> DECODER.decode(mutant)).isInstanceOf(UnreadableFitsException.class)
        .hasMessageContaining("HDU 1");
    long allocated = threads.getTotalThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated").isLessThan(BASE_ALLOWANCE + BYTES_PER_FILE_BYTE * mutant.length);
  }

  /** Milliseconds to read a mutant once more, whatever the outcome. */
  private static long timeAgain(byte[] mutant) {
    long start = System.nanoTime();
    try {
      DECODER.inspect(mutant);
      DECODER.decode(mutant);
    } catch (UnreadableFitsException | RuntimeException ignored) {
      // the outcome was judged on the first read
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Each seed read a few times first, so the per-mutant second measures the reading, not the JIT's first compile. */
  private static void warmUp(List<byte[]> seeds) {
    for (int round = 0; round < 3; round++) {
      for (var seed : seeds) {
        try {
          DECODER.inspect(seed);
          DECODER.decode(seed);
        } catch (UnreadableFitsException unexpected) {
          throw new AssertionError("a seed of the fuzz test is unreadable", unexpected);
        }
      }
    }
  }

  private static void keep(int n, byte[] mutant) {
    try {
      var dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      Files.write(dir.resolve("mutant-" + SEED + "-" + n + ".fits"), mutant);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
