package global.lco.thumbs.shared.contract;

import io.vertx.core.json.JsonObject;

/**
 * What a render worker tells the gateways about itself, published twice a second on
 * {@link Addresses#WORKERS}. Gateways route jobs from it; a worker that stops publishing is
 * forgotten after a few seconds, one that says {@code leaving} at once.
 *
 * @param nodeId   cluster node id (also the suffix of its {@link Addresses#renderAt} address)
 * @param capacity jobs it admits at once (rendering plus queued)
 * @param inFlight jobs admitted now
 * @param leaving  it is shutting down: send it nothing new
 */
public record WorkerStatus(String nodeId, int capacity, int inFlight, boolean leaving) {

  public JsonObject toJson() {
    return new JsonObject().put("nodeId", nodeId).put("capacity", capacity).put("inFlight", inFlight)
        .put("leaving", leaving);
  }

  public static WorkerStatus fromJson(JsonObject json) {
    return new WorkerStatus(json.getString("nodeId"), json.getInteger("capacity", 1), json.getInteger("inFlight", 0),
        json.getBoolean("leaving", false));
  }

  /** The address to send this worker render jobs. */
  public String address() {
    return Addresses.renderAt(nodeId);
  }
}
