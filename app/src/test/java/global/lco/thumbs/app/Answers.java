package global.lco.thumbs.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Reading the service's answers in tests: JSON with its status checked, JPEG bytes as a picture. */
final class Answers {
  private Answers() {
  }

  /** The JSON body, after checking the status (the body is the assertion's description) and the type. */
  static JsonObject json(HttpResponse<byte[]> response, int status) {
    var body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    return new JsonObject(body);
  }

  static BufferedImage decode(byte[] jpeg) throws IOException {
    var image = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(image).as("a decodable JPEG").isNotNull();
    return image;
  }
}
