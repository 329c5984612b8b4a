package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's frame cache seen from outside: other sizes of a frame are made without a second download. */
class FrameReuseTest {
  @TempDir
  static Path dir;
  static ServiceFixture app;

  @BeforeAll
  static void start() {
    app = ServiceFixture.start(dir, Map.of("FRAME_CACHE_MB", "64"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void resetArchive() {
    app.archive.clearRequests();
  }

  @Test
  @DisplayName("The archive UI's pair (small, then large) of one frame downloads it once")
  void secondSizeReusesFrame() throws IOException {
    var small = image(app.get("1001/?width=200&height=200&image=true"));
    var large = image(app.get("1001/?width=1000&height=1000&image=true"));
    assertThat(app.archive.downloads()).hasSize(1);
    assertThat(small.getWidth()).isEqualTo(200);
    assertThat(large.getWidth()).isEqualTo(1000);
    assertThat(large.getHeight()).isEqualTo(670); // 1523x1020 fitted in 1000x1000
  }

  @Test
  @DisplayName("A reused frame gives the same JPEG as a fresh render of that size")
  void reuseIsExact() {
    byte[] reused = body(app.get("1003/?width=150&height=150&image=true"), 200);
    body(app.get("1003/?width=151&height=151&image=true"), 200);
    assertThat(app.archive.downloads()).hasSize(1);
    try (var fresh = ServiceFixture.start(dir.resolve("fresh"), Map.of("FRAME_CACHE_MB", "0"))) {
      fresh.get("1003/?width=151&height=151&image=true");
      assertThat(body(fresh.get("1003/?width=150&height=150&image=true"), 200)).isEqualTo(reused);
      assertThat(fresh.archive.downloads()).as("no cache, no reuse").hasSize(2);
    }
  }

  @Test
  @DisplayName("Median mode stretches differently, so it does not reuse the plain frame")
  void medianIsAnotherFrame() {
    body(app.get("1002/?width=120&height=120&image=true"), 200);
    body(app.get("1002/?width=120&height=120&median=true&image=true"), 200);
    body(app.get("1002/?width=130&height=130&median=true&image=true"), 200);
    assertThat(app.archive.downloads()).hasSize(2);
  }

  private static byte[] body(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(status);
    return response.body();
  }

  private static BufferedImage image(HttpResponse<byte[]> response) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(body(response, 200)));
  }
}
