package global.lco.thumbs.shared.cluster;

import global.lco.thumbs.shared.config.Env;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a node joins the Hazelcast-backed event-bus cluster. Everything is explicit: Hazelcast's own
 * defaults (multicast discovery, bind to every interface, 60 s failure detection) are wrong for us.
 *
 * @param name             cluster name; nodes with another name never join (CLUSTER_NAME, required)
 * @param host             IPv4 address this node binds Hazelcast and the event bus to (CLUSTER_HOST)
 * @param publicHost       address other nodes use to reach this one, e.g. behind NAT (CLUSTER_PUBLIC_HOST)
 * @param eventBusPort     event-bus TCP port, 0 = any free port (EVENT_BUS_PORT)
 * @param hazelcastPort    first Hazelcast port tried; the next ones are tried if taken (HAZELCAST_PORT)
 * @param members          where to look for other members: {@code host} (scans the port range) or {@code host:port}
 * @param heartbeat        Hazelcast heartbeat interval (CLUSTER_HEARTBEAT_SECONDS)
 * @param maxNoHeartbeat   a silent member is dropped after this (CLUSTER_MAX_NO_HEARTBEAT_SECONDS)
 */
public record ClusterConfig(String name, String host, String publicHost, int eventBusPort, int hazelcastPort,
                            List<String> members, Duration heartbeat, Duration maxNoHeartbeat) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_HAZELCAST_PORT = 5701;
  /** Ports tried from HAZELCAST_PORT on, so several nodes can share one host. */
  public static final int HAZELCAST_PORT_COUNT = 20;
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_NO_HEARTBEAT = Duration.ofSeconds(6);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?");

  public static ClusterConfig fromEnv(Env env) {
    var name = env.raw("CLUSTER_NAME");
    if (name == null || name.isBlank()) {
      env.problems().add("CLUSTER_NAME is required for a clustered node (nodes only join a cluster of the same name)");
      name = "unset";
    } else if (!NAME.matcher(name).matches()) {
      env.problems().add("CLUSTER_NAME may hold 1-64 letters, digits, '.', '_' and '-', got '" + name + "'");
    }
    var host = env.string("CLUSTER_HOST", DEFAULT_HOST);
    if (!IPV4.matcher(host).matches()) {
      env.problems().add("CLUSTER_HOST must be an IPv4 address of this machine (Hazelcast binds to it only), got '" + host + "'");
    }
    var publicHost = env.string("CLUSTER_PUBLIC_HOST", host);
    var eventBusPort = env.integer("EVENT_BUS_PORT", 0, 0, 65535);
    var hazelcastPort = env.integer("HAZELCAST_PORT", DEFAULT_HAZELCAST_PORT, 1, 65535 - HAZELCAST_PORT_COUNT);
    var members = env.list("CLUSTER_MEMBERS", host);
    for (var member : members) {
      if (!MEMBER.matcher(member).matches()) {
        env.problems().add("CLUSTER_MEMBERS entries must be 'host' or 'host:port' (no port ranges), got '" + member + "'");
      }
    }
    var heartbeat = env.seconds("CLUSTER_HEARTBEAT_SECONDS", DEFAULT_HEARTBEAT, 1, 60);
    var maxNoHeartbeat = env.seconds("CLUSTER_MAX_NO_HEARTBEAT_SECONDS", DEFAULT_MAX_NO_HEARTBEAT, 2, 600);
    if (maxNoHeartbeat.compareTo(heartbeat.multipliedBy(2)) < 0) {
      env.problems().add("CLUSTER_MAX_NO_HEARTBEAT_SECONDS must be at least twice CLUSTER_HEARTBEAT_SECONDS");
    }
    return new ClusterConfig(name, host, publicHost, eventBusPort, hazelcastPort, members, heartbeat, maxNoHeartbeat);
  }
}
