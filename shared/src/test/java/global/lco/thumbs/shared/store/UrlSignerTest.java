package global.lco.thumbs.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UrlSignerTest {
  private final UrlSigner signer = new UrlSigner("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8));
  private final Instant now = Instant.ofEpochSecond(1_800_000_000L);

  @Test
  @DisplayName("a fresh signature verifies until its expiry and not after")
  void validThenExpired() {
    var sig = signer.sign("k.jpg", now.getEpochSecond() + 60);
    assertThat(signer.verify("k.jpg", Long.toString(now.getEpochSecond() + 60), sig, now)).isEqualTo(UrlSigner.Verdict.VALID);
    assertThat(signer.verify("k.jpg", Long.toString(now.getEpochSecond() + 60), sig, now.plusSeconds(61)))
        .isEqualTo(UrlSigner.Verdict.EXPIRED);
  }

  @Test
  @DisplayName("changing the object, the expiry or the signature breaks the signature")
  void tampering() {
    var expires = Long.toString(now.getEpochSecond() + 60);
    var sig = signer.sign("k.jpg", now.getEpochSecond() + 60);
    assertThat(signer.verify("j.jpg", expires, sig, now)).isEqualTo(UrlSigner.Verdict.BAD_SIGNATURE);
    assertThat(signer.verify("k.jpg", expires + "0", sig, now)).isEqualTo(UrlSigner.Verdict.BAD_SIGNATURE);
    var flipped = (sig.charAt(0) == 'a' ? 'b' : 'a') + sig.substring(1);
    assertThat(signer.verify("k.jpg", expires, flipped, now)).isEqualTo(UrlSigner.Verdict.BAD_SIGNATURE);
    assertThat(signer.verify("k.jpg", null, sig, now)).isEqualTo(UrlSigner.Verdict.BAD_SIGNATURE);
    assertThat(signer.verify("k.jpg", "soon", sig, now)).isEqualTo(UrlSigner.Verdict.BAD_SIGNATURE);
  }

  @Test
  @DisplayName("another secret gives another signature")
  void secretMatters() {
    var other = new UrlSigner("another-secret-0123456".getBytes(StandardCharsets.UTF_8));
    assertThat(other.sign("k.jpg", 5)).isNotEqualTo(signer.sign("k.jpg", 5));
  }

  @Test
  @DisplayName("a short secret is refused")
  void shortSecret() {
    assertThatThrownBy(() -> new UrlSigner(new byte[8])).isInstanceOf(IllegalArgumentException.class);
  }
}
