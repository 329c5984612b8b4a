package global.lco.thumbs.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration and test-data lookup")
class SampleArchiveOptionsTest {

  @Test
  @DisplayName("The environment is read with the documented defaults")
  void defaults() {
    var problems = new ArrayList<String>();
    var options = SampleArchiveOptions.fromEnv(Map.of("SAMPLE_ARCHIVE_DIR", TestData.root().toString()), problems);

    assertThat(problems).isEmpty();
    assertThat(options.port()).isEqualTo(9500);
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.urlTtl()).isEqualTo(Duration.ofSeconds(172_800));
    assertThat(options.publicBaseUrl()).isNull();
    assertThat(options.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  @DisplayName("HTTP_IDLE_TIMEOUT_MS, the service's setting, sets the idle timeout in milliseconds")
  void idleTimeout() {
    var problems = new ArrayList<String>();
    var options = SampleArchiveOptions.fromEnv(Map.of("SAMPLE_ARCHIVE_DIR", TestData.root().toString(),
        "HTTP_IDLE_TIMEOUT_MS", "2500"), problems);

    assertThat(problems).isEmpty();
    assertThat(options.idleTimeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  @DisplayName("Every bad setting is reported at once")
  void allProblems() {
    var problems = new ArrayList<String>();
    SampleArchiveOptions.fromEnv(Map.of(
        "SAMPLE_ARCHIVE_PORT", "http",
        "SAMPLE_ARCHIVE_DIR", "/no/such/folder",
        "SAMPLE_ARCHIVE_PUBLIC_URL", "ftp://files",
        "SAMPLE_ARCHIVE_URL_TTL", "-5",
        "HTTP_IDLE_TIMEOUT_MS", "forever"), problems);

    assertThat(problems).hasSize(5).anySatisfy(p -> assertThat(p).startsWith("SAMPLE_ARCHIVE_PORT"))
        .anySatisfy(p -> assertThat(p).startsWith("SAMPLE_ARCHIVE_DIR"))
        .anySatisfy(p -> assertThat(p).startsWith("SAMPLE_ARCHIVE_PUBLIC_URL"))
        .anySatisfy(p -> assertThat(p).startsWith("SAMPLE_ARCHIVE_URL_TTL"))
        .contains("HTTP_IDLE_TIMEOUT_MS must be an integer in 100..3600000, got 'forever'");
  }

  @Test
  @DisplayName("TestData.root() finds the corpus with fits/ and the catalogue")
  void testDataRoot() {
    var root = TestData.root();

    assertThat(root.resolve("fits")).isDirectory();
    assertThat(root.resolve("archive/catalog.json")).isRegularFile();
    assertThat(TestData.fits("compressed/m13.fits")).isEqualTo(root.resolve(Path.of("fits", "compressed", "m13.fits")));
  }
}
