package global.lco.thumbs.shared.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;

/**
 * The whole Hazelcast configuration, built in code so nothing is left to Hazelcast's or
 * vertx-hazelcast's defaults (which turn multicast on and bind to every interface).
 */
public final class HazelcastSettings {
  private HazelcastSettings() {
  }

  public static Config of(ClusterConfig cluster) {
    var config = new Config();
    config.setClusterName(cluster.name());
    config.setInstanceName("thumbs-" + cluster.name() + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    // Vert.x leaves the cluster itself after draining; Hazelcast's own hook would leave first.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.heartbeat.interval.seconds", Long.toString(cluster.heartbeat().toSeconds()));
    config.setProperty("hazelcast.max.no.heartbeat.seconds", Long.toString(cluster.maxNoHeartbeat().toSeconds()));
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");

    var network = config.getNetworkConfig();
    network.setPort(cluster.hazelcastPort()).setPortAutoIncrement(true).setPortCount(ClusterConfig.HAZELCAST_PORT_COUNT);
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    if (!cluster.publicHost().equals(cluster.host())) {
      network.setPublicAddress(cluster.publicHost());
    }
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getAwsConfig().setEnabled(false);
    join.getKubernetesConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

    // The structures vertx-hazelcast keeps its event-bus registrations in (its default-cluster.xml).
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
        .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return config;
  }
}
