package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.SampleArchiveOptions;
import global.lco.thumbs.archive.TestData;
import global.lco.thumbs.worker.fits.FitsWriter;
import global.lco.thumbs.worker.fits.Mutants;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile FITS files served by the archive as ordinary frames, end to end through the service:
 * each is a 422 JSON answer naming the problem, nothing is stored, and the next valid request on
 * the same worker still renders. (The byte-level corpus of refused files is HostileFitsTest.)
 */
class HostileFitsServiceTest {
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    var hostile = new java.util.LinkedHashMap<String, byte[]>();
    cases().forEach(c -> hostile.put((String) c[0], (byte[]) c[1]));
    var data = ArchiveData.withExtraFrames(dir.resolve("archive-data"), "hostile", hostile);
    app = ServiceFixture.start(dir.resolve("service"), Map.of("FRAME_CACHE_MB", "0"),
        SampleArchiveOptions.forTests().setDataDir(data));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<Object[]> generated() {
    byte[] real = bytes(TestData.root().resolve("fits/compressed/m13.fits"));
    return Stream.of(
        new Object[] {"hostile-naxis-negative", FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                   16",
            "NAXIS   =                   -1")},
        new Object[] {"hostile-bitpix-7", FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                    7",
            "NAXIS   =                    2", "NAXIS1  =                   10", "NAXIS2  =                   10")},
        new Object[] {"hostile-huge-claim", FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                  -32",
            "NAXIS   =                    2", "NAXIS1  =                90000", "NAXIS2  =                90000")},
        new Object[] {"hostile-overflow", FitsWriter.header("SIMPLE  =                    T", "BITPIX  =                  -64",
            "NAXIS   =                    3", "NAXIS1  =           2147483647", "NAXIS2  =           2147483647",
            "NAXIS3  =           2147483647")},
        new Object[] {"hostile-no-end", noEnd()},
        new Object[] {"hostile-truncated-data", Arrays.copyOf(real, 2880 * 8)},
        new Object[] {"hostile-garbage", garbage()},
        new Object[] {"hostile-html", ("<!DOCTYPE html><html><body>503 Service Unavailable</body></html>\n".repeat(60))
            .getBytes(StandardCharsets.US_ASCII)});
  }

  static Stream<Object[]> cases() {
    var mutants = Mutants.regressions().entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()});
    return Stream.concat(generated(), mutants);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("A hostile file is a 422 JSON error, nothing is stored, and the next valid frame still renders")
  void refusedThenHealthy(String basename, byte[] ignored) {
    long stored = app.storedThumbnails();
    var refused = app.get(basename + "/?width=64&height=64");
    var body = new String(refused.body(), StandardCharsets.UTF_8);
    assertThat(refused.statusCode()).as(body).isEqualTo(422);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(new JsonObject(body).getString("message")).isNotBlank().doesNotContain("Exception", "http");
    assertThat(app.storedThumbnails()).isEqualTo(stored);
    var valid = app.get("1003/?width=" + (40 + basename.length()) + "&height=64");
    assertThat(valid.statusCode()).isEqualTo(200);
  }

  private static byte[] noEnd() {
    var text = new StringBuilder(String.format("%-80s%-80s%-80s", "SIMPLE  =                    T",
        "BITPIX  =                    8", "NAXIS   =                    0"));
    while (text.length() < 2880 * 40) {
      text.append(String.format("%-80s", "COMMENT no end in sight"));
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] garbage() {
    var bytes = new byte[2880 * 4];
    new Random(42).nextBytes(bytes);
    System.arraycopy("SIMPLE  =".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
    return bytes;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
