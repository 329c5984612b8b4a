package global.lco.thumbs.gateway.warm;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.contract.Failure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarmFailuresTest {

  @Test
  @DisplayName("What may pass is retried (archive, store, workers, a refused token, bugs); what the file causes is dead-lettered at once")
  void classification() {
    for (var f : new Failure[] {Failure.UPSTREAM_ERROR, Failure.UPSTREAM_TIMEOUT, Failure.BUSY, Failure.NO_WORKERS,
        Failure.STORE_UNAVAILABLE, Failure.ARCHIVE_REFUSED, Failure.INTERNAL}) {
      assertThat(WarmFailures.worthRetrying(f.problem())).as(f.name()).isTrue();
    }
    for (var f : new Failure[] {Failure.UNREADABLE_FITS, Failure.TOO_LARGE, Failure.QUARANTINED}) {
      assertThat(WarmFailures.worthRetrying(f.problem())).as(f.name()).isFalse();
    }
    assertThat(WarmFailures.worthRetrying(new IllegalStateException("bug"))).isTrue();
  }

  @Test
  @DisplayName("A dead letter's reason is the failure code and public message, never an exception's own text")
  void description() {
    assertThat(WarmFailures.describe(Failure.UNREADABLE_FITS.problem("Not a FITS file"))).isEqualTo("unreadable_fits: Not a FITS file");
    assertThat(WarmFailures.describe(new IllegalStateException("http://secret-url?sig=1"))).isEqualTo("error: Internal error");
  }
}
