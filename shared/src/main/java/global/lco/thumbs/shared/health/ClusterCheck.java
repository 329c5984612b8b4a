package global.lco.thumbs.shared.health;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;

/** Whether a clustered node is still a member of its cluster (a single-machine node always is). */
public final class ClusterCheck {
  private ClusterCheck() {
  }

  /** True unless {@code vertx} is clustered and its cluster manager has left or lost the cluster. */
  public static boolean joined(Vertx vertx) {
    if (!vertx.isClustered()) {
      return true;
    }
    // The cluster manager sits behind Vert.x's internal API; it alone knows whether Hazelcast still runs.
    return vertx instanceof VertxInternal internal && internal.clusterManager() != null
        && internal.clusterManager().isActive();
  }

  /** Adds {@code "cluster": true|false} to {@code checks} for clustered nodes; nothing otherwise. */
  public static boolean addTo(Vertx vertx, JsonObject checks) {
    boolean joined = joined(vertx);
    if (vertx.isClustered()) {
      checks.put("cluster", joined);
    }
    return joined;
  }
}
