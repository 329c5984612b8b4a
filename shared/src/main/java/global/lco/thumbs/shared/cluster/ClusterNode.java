package global.lco.thumbs.shared.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.function.Consumer;

/** A clustered Vert.x instance joined to the others through Hazelcast, as {@link ClusterConfig} says. */
public final class ClusterNode {
  private final Vertx vertx;
  private final HazelcastClusterManager manager;

  private ClusterNode(Vertx vertx, HazelcastClusterManager manager) {
    this.vertx = vertx;
    this.manager = manager;
  }

  public static Future<ClusterNode> start(ClusterConfig cluster, VertxOptions options) {
    var manager = new HazelcastClusterManager(HazelcastSettings.of(cluster));
    options.setEventBusOptions(new EventBusOptions()
        .setHost(cluster.host())
        .setPort(cluster.eventBusPort())
        .setClusterPublicHost(cluster.publicHost()));
    return Vertx.builder().with(options).withClusterManager(manager).buildClustered()
        .map(vertx -> new ClusterNode(vertx, manager));
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Ids of the cluster's members as this node sees them, itself included. */
  public List<String> members() {
    return manager.getNodes();
  }

  /** This node's id, the same one other nodes see in membership events. */
  public String nodeId() {
    return manager.getNodeId();
  }

  /**
   * Calls {@code onLeft} with the node id of every member that leaves or is dropped. Goes to
   * Hazelcast directly: Vert.x's own single node listener must stay Vert.x's.
   */
  public void onMemberLeft(Consumer<String> onLeft) {
    manager.getHazelcastInstance().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {
      }

      @Override
      public void memberRemoved(MembershipEvent event) {
        onLeft.accept(event.getMember().getUuid().toString());
      }
    });
  }

  /**
   * Undeploys every verticle first (they drain in {@code stop()} while Vert.x, its file system and
   * the cluster are still fully up), then leaves the cluster and closes Vert.x.
   */
  public Future<Void> close() {
    var undeployed = vertx.deploymentIDs().stream().map(vertx::undeploy).toList();
    return Future.join(undeployed).eventually(vertx::close).mapEmpty();
  }
}
