package global.lco.thumbs.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import global.lco.thumbs.shared.config.Env;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

  @Test
  @DisplayName("Unset, the limits are the documented defaults: 10 s for a request head, 60 s idle, at most 10000 connections")
  void defaults() {
    var problems = new ArrayList<String>();
    var limits = ConnectionLimits.fromEnv(new Env(Map.of(), problems));
    assertThat(problems).isEmpty();
    assertThat(limits.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(limits.maxConnections()).isBetween(1, 10_000).isEqualTo(ConnectionLimits.defaultMaxConnections());
  }

  @Test
  @DisplayName("Set, the values are read in milliseconds and connections")
  void read() {
    var limits = ConnectionLimits.fromEnv(new Env(Map.of("HTTP_HEADER_TIMEOUT_MS", "1500", "HTTP_IDLE_TIMEOUT_MS", "2500",
        "HTTP_MAX_CONNECTIONS", "300"), new ArrayList<>()));
    assertThat(limits).isEqualTo(new ConnectionLimits(Duration.ofMillis(1500), Duration.ofMillis(2500), 300));
  }

  @Test
  @DisplayName("Every bad value is reported by name with its allowed range")
  void badValues() {
    var problems = new ArrayList<String>();
    ConnectionLimits.fromEnv(new Env(Map.of("HTTP_HEADER_TIMEOUT_MS", "10s", "HTTP_IDLE_TIMEOUT_MS", "0",
        "HTTP_MAX_CONNECTIONS", "-1"), problems));
    assertThat(problems).containsExactlyInAnyOrder(
        "HTTP_HEADER_TIMEOUT_MS must be an integer in 100..600000, got '10s'",
        "HTTP_IDLE_TIMEOUT_MS must be an integer in 100..3600000, got '0'",
        "HTTP_MAX_CONNECTIONS must be an integer in 1..1000000, got '-1'");
  }
}
