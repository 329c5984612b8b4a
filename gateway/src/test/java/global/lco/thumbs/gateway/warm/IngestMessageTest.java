package global.lco.thumbs.gateway.warm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.Date;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IngestMessageTest {

  @Test
  @DisplayName("The archive's announcement (record plus frameid and filename) gives the frame id; age from the AMQP timestamp")
  void archiveMessage() throws Exception {
    var body = Buffer.buffer("{\"id\":11245132,\"basename\":\"ogg0m404-kb82-20190321-0273-e91\",\"DATE-OBS\":\"2019-03-21\","
        + "\"filename\":\"ogg0m404-kb82-20190321-0273-e91.fits.fz\",\"frameid\":11245132}");
    var message = IngestMessage.parse(body, new Date(1_000_000), 2_000_000);
    assertThat(message.frameId()).isEqualTo(11245132);
    assertThat(message.publishedAt()).isEqualTo(1_000_000);
    assertThat(IngestMessage.parse(body, null, 2_000_000).publishedAt()).as("no timestamp: first seen").isEqualTo(2_000_000);
    assertThat(IngestMessage.parse(Buffer.buffer("{\"frameid\":\"42\"}"), null, 0).frameId()).isEqualTo(42);
  }

  @Test
  @DisplayName("A body that is not a JSON object or has no whole positive frameid cannot be parsed, with the reason")
  void unparseable() {
    assertThatThrownBy(() -> IngestMessage.parse(Buffer.buffer("not json"), null, 0)).hasMessage("body is not a JSON object");
    assertThatThrownBy(() -> IngestMessage.parse(Buffer.buffer("[1,2]"), null, 0)).hasMessage("body is not a JSON object");
    assertThatThrownBy(() -> IngestMessage.parse(Buffer.buffer("{\"id\":1}"), null, 0)).hasMessage("no frameid");
    assertThatThrownBy(() -> IngestMessage.parse(Buffer.buffer("{\"frameid\":1.5}"), null, 0))
        .hasMessage("frameid is not a whole number");
    assertThatThrownBy(() -> IngestMessage.parse(Buffer.buffer("{\"frameid\":\"x\"}"), null, 0))
        .hasMessage("frameid is not a whole number");
    assertThatThrownBy(() -> IngestMessage.parse(Buffer.buffer("{\"frameid\":0}"), null, 0)).hasMessage("frameid is not positive");
  }
}
