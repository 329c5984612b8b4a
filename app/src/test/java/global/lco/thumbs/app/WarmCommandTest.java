package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.archive.routes.Route;
import global.lco.thumbs.gateway.backfill.BackfillCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code warm} backfill command against the real single-machine service and sample archive. */
class WarmCommandTest {
  @TempDir
  Path dir;

  private ServiceFixture app;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    app = ServiceFixture.start(dir, Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private int warm(boolean terminal, String stdin, String... args) {
    return BackfillCommand.run(args, Map.of("ARCHIVE_API_URL", app.archive.baseUrl()),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("Frames from a file are warmed set by set, with a summary by outcome; a second run skips what the first settled")
  void fromFileAndResume() throws IOException {
    var ids = Files.writeString(dir.resolve("ids.txt"), "1001\n# comment\n1003\n1021\n987654\n");
    var state = dir.resolve("state.txt");
    var args = new String[] {"--service", app.base, "--ids", ids.toString(), "--state", state.toString(),
        "--thumbnails", "width=200&height=200;width=300&height=300", "--no-colour", "--rate", "50"};

    assertThat(warm(false, "", args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(output()).contains("4 frames in", "warmed 2", "not_thumbnailable 1", "not_found 1", "failed 0")
        .containsPattern("progress \\[#+\\] 4/4 100% ");
    assertThat(app.storedThumbnails()).isEqualTo(4);
    assertThat(Files.readAllLines(state)).containsExactlyInAnyOrder("1001", "1003", "1021", "987654");

    long archiveCalls = app.archive.requests(Route.FRAMES).size();
    out.reset();
    assertThat(warm(false, "", args)).isZero();
    assertThat(output()).contains("skipped 4", "warmed 0");
    assertThat(app.archive.requests(Route.FRAMES)).as("nothing asked again").hasSize((int) archiveCalls);
  }

  @Test
  @DisplayName("Frames of an archive query (a request's frames) are warmed with their colour thumbnail; on a terminal the bar is redrawn in place")
  void fromArchiveQueryWithColour() {
    var state = dir.resolve("state.txt");
    assertThat(warm(true, "", "--service", app.base, "--request-id", "60001", "--state", state.toString(), "--rate", "50"))
        .isZero();
    assertThat(output()).contains("\r[", "warmed 3").containsPattern("3/3 100% [0-9.]+ frames/s ETA 0:00");
    assertThat(app.storedThumbnails()).as("three mono and the request's one colour thumbnail").isEqualTo(4);
    assertThat(app.get("1031/?color=true").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("A service that cannot be reached fails the frames (status 1) and leaves them out of the state file; ids come from stdin")
  void failuresAreNotJournalled() throws IOException {
    var state = dir.resolve("state.txt");
    assertThat(warm(false, "1001\n", "--service", "http://127.0.0.1:1/", "--ids", "-", "--state", state.toString(),
        "--no-colour")).isEqualTo(1);
    assertThat(output()).contains("failed 1");
    assertThat(Files.readString(state)).isEmpty();
  }

  @Test
  @DisplayName("Bad usage is status 2 with the reason and the usage")
  void badUsage() {
    assertThat(warm(false, "", "--service", app.base)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("either --ids FILE or an archive query", "usage: warm");
    assertThat(warm(false, "", "--service", app.base, "--ids", "x", "--rate", "0")).isEqualTo(2);
  }
}
