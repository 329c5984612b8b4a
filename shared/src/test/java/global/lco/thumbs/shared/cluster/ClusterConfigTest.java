package global.lco.thumbs.shared.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import global.lco.thumbs.shared.config.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {

  private static ClusterConfig read(Map<String, String> vars, List<String> problems) {
    return ClusterConfig.fromEnv(new Env(vars, problems));
  }

  @Test
  @DisplayName("Defaults: loopback, port 5701, members = this host, 1 s heartbeats, 6 s to drop a member")
  void defaults() {
    var problems = new ArrayList<String>();
    var config = read(Map.of("CLUSTER_NAME", "thumbs"), problems);
    assertThat(problems).isEmpty();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.hazelcastPort()).isEqualTo(5701);
    assertThat(config.members()).containsExactly("127.0.0.1");
    assertThat(config.heartbeat().toSeconds()).isEqualTo(1);
    assertThat(config.maxNoHeartbeat().toSeconds()).isEqualTo(6);
  }

  @Test
  @DisplayName("Every problem is listed at once: missing name, hostname as host, port range in members, bad timeouts")
  void allProblemsAtOnce() {
    var problems = new ArrayList<String>();
    read(Map.of("CLUSTER_HOST", "my-host", "CLUSTER_MEMBERS", "10.0.0.1:5701-5710,10.0.0.2",
        "HAZELCAST_PORT", "seventy", "CLUSTER_HEARTBEAT_SECONDS", "5", "CLUSTER_MAX_NO_HEARTBEAT_SECONDS", "6"), problems);
    assertThat(problems).hasSize(5)
        .anyMatch(p -> p.startsWith("CLUSTER_NAME"))
        .anyMatch(p -> p.startsWith("CLUSTER_HOST"))
        .anyMatch(p -> p.contains("5701-5710"))
        .anyMatch(p -> p.contains("HAZELCAST_PORT"))
        .anyMatch(p -> p.startsWith("CLUSTER_MAX_NO_HEARTBEAT_SECONDS"));
  }

  @Test
  @DisplayName("The Hazelcast configuration is explicit: TCP-IP join only, one interface, no phone-home, our timeouts")
  void hazelcastSettings() {
    var problems = new ArrayList<String>();
    var cluster = read(Map.of("CLUSTER_NAME", "thumbs-x", "CLUSTER_HOST", "10.1.2.3",
        "CLUSTER_MEMBERS", "10.1.2.4,10.1.2.5:5702", "HAZELCAST_PORT", "5801"), problems);
    Config config = HazelcastSettings.of(cluster);
    var join = config.getNetworkConfig().getJoin();
    assertThat(config.getClusterName()).isEqualTo("thumbs-x");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("10.1.2.4", "10.1.2.5:5702");
    assertThat(config.getNetworkConfig().getInterfaces().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("10.1.2.3");
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getProperty("hazelcast.socket.bind.any")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("6");
    assertThat(config.getMultiMapConfigs()).containsKey("__vertx.subs");
  }
}
