package global.lco.thumbs.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import global.lco.thumbs.archive.catalog.CatalogException;
import global.lco.thumbs.archive.catalog.CatalogLoader;
import global.lco.thumbs.archive.catalog.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Catalogue loading")
class CatalogTest {
  private static final Instant NOW = Instant.parse("2026-11-25T00:00:00Z");

  @Test
  @DisplayName("The bundled catalogue holds the fixtures other modules rely on")
  void fixtures() {
    var catalog = CatalogLoader.load(TestData.root());

    assertThat(catalog.byId(1001).basename()).isEqualTo("tfn0m414-kb29-20160625-0060-e91");
    assertThat(catalog.byId(1002).reductionLevel()).isZero();
    assertThat(catalog.byId(1010).isPublicAt(NOW)).isFalse();
    assertThat(catalog.byId(1020).configurationType()).isEqualTo("BIAS");
    assertThat(catalog.byId(1021).configurationType()).isEqualTo("CATALOG");
    assertThat(catalog.byId(1022).requestId()).isNull();
    assertThat(catalog.byId(1023).filename()).endsWith(".tar.gz");
    assertThat(catalog.byId(1024).omittedKeys()).containsExactly("configuration_type");
    assertThat(catalog.byId(1025).versionless()).isTrue();
    assertThat(catalog.byId(1026).filename()).isEqualTo("html-error-page.fits.fz");
    assertThat(Stream.of(1030L, 1031L, 1032L).map(catalog::byId).map(Frame::primaryOpticalElement))
        .containsExactly("ip", "rp", "gp");
  }

  @Test
  @DisplayName("The bundled tokens map to their users")
  void users() {
    var catalog = CatalogLoader.load(TestData.root());

    assertThat(catalog.userForToken("sample-token-proposal").proposals()).containsExactly("LCO2026B-999");
    assertThat(catalog.userForToken("sample-token-other").proposals()).containsExactly("LCO2020A-001");
    assertThat(catalog.userForToken("sample-token-admin").superuser()).isTrue();
    assertThat(catalog.userForToken("nope")).isNull();
  }

  @Test
  @DisplayName("Every FITS file under fits/ is served, uncatalogued ones with ids from 10000 in sorted path order")
  void everyFitsFileServed() throws Exception {
    var root = TestData.root();
    var catalog = CatalogLoader.load(root);
    var catalogued = catalog.frames().stream().filter(f -> f.id() < 10_000).map(Frame::file).toList();
    try (var walk = Files.walk(root.resolve("fits"))) {
      var uncatalogued = walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.fits(\\.fz)?$"))
          .filter(p -> !catalogued.contains(p.toAbsolutePath().normalize()))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
      for (int i = 0; i < uncatalogued.size(); i++) {
        var frame = catalog.byId(10_000 + i);
        assertThat(root.relativize(frame.file()).toString().replace('\\', '/')).isEqualTo(uncatalogued.get(i));
        assertThat(frame.configurationType()).isEqualTo("EXPOSE");
        assertThat(frame.isPublicAt(NOW)).isTrue();
      }
      assertThat(catalog.frames()).hasSize(catalogued.size() + uncatalogued.size());
    }
  }

  @Test
  @DisplayName("A folder of FITS files with no catalogue just works")
  void noCatalogue(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("fits/sub"));
    Files.copy(TestData.fits("compressed/m13.fits"), dir.resolve("fits/sub/b.fits"));
    Files.copy(TestData.fits("lco/cpt1m012-fl10-20151216-0073-e00.fits.fz"), dir.resolve("fits/a.fits.fz"));

    var catalog = CatalogLoader.load(dir);

    assertThat(catalog.byId(10_000).filename()).isEqualTo("a.fits.fz");
    assertThat(catalog.byId(10_000).instrumentId()).isEqualTo("fl10");
    assertThat(catalog.byId(10_001).basename()).isEqualTo("b");
    assertThat(catalog.users()).isEmpty();
  }

  @Test
  @DisplayName("Every problem of a bad catalogue is reported at once")
  void badCatalogue(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("archive"));
    Files.copy(TestData.fits("compressed/m13.fits"), dir.resolve("archive/m13.fits"));
    Files.writeString(dir.resolve("archive/catalog.json"), """
        {"frames": [
          {"id": 1, "file": "archive/m13.fits", "colour": "red"},
          {"id": 2, "file": "archive/missing.fits"},
          {"id": 1, "file": "archive/m13.fits"},
          {"id": 3, "file": "archive/m13.fits", "request_id": "abc"}
        ]}""");

    assertThatThrownBy(() -> CatalogLoader.load(dir)).isInstanceOfSatisfying(CatalogException.class, e ->
        assertThat(e.problems()).hasSize(4).anySatisfy(p -> assertThat(p).contains("unknown key 'colour'"))
            .anySatisfy(p -> assertThat(p).contains("missing.fits"))
            .anySatisfy(p -> assertThat(p).contains("frame id 1 is used twice"))
            .anySatisfy(p -> assertThat(p).contains("'request_id' must be an integer")));
  }
}
