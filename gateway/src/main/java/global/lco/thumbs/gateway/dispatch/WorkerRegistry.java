package global.lco.thumbs.gateway.dispatch;

import global.lco.thumbs.shared.contract.Addresses;
import global.lco.thumbs.shared.contract.WorkerStatus;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The render workers this gateway knows, from their status messages. A worker is forgotten when it
 * says it is leaving, when the cluster reports its node gone, or after {@link #EXPIRY_MS} of silence;
 * whoever waits on it is told at once so the job can go to another worker. Confined to the
 * gateway's event loop.
 */
public final class WorkerRegistry {
  /** Address on which the cluster's membership listener reports a departed node id (local only). */
  private static final String MEMBER_LEFT = "thumbs.local.member-left";
  static final long EXPIRY_MS = 2_000;

  private final Vertx vertx;
  private final Map<String, Known> workers = new HashMap<>();
  private final List<Consumer<String>> lossListeners = new ArrayList<>();
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private long sweepTimer = -1;
  private long startedAt = Long.MAX_VALUE;

  private record Known(WorkerStatus status, long seenAt) {
  }

  public WorkerRegistry(Vertx vertx) {
    this.vertx = vertx;
  }

  public void start() {
    startedAt = System.currentTimeMillis();
    consumers.add(vertx.eventBus().<JsonObject>consumer(Addresses.WORKERS, m -> update(WorkerStatus.fromJson(m.body()))));
    consumers.add(vertx.eventBus().<String>localConsumer(MEMBER_LEFT, m -> {
      workers.remove(m.body());
      notifyLoss(m.body()); // even a worker already draining: its running jobs are lost with it
    }));
    sweepTimer = vertx.setPeriodic(EXPIRY_MS / 8, id -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(sweepTimer);
    consumers.forEach(MessageConsumer::unregister);
  }

  /**
   * Tells the registries of this process that a cluster node is gone; wire it to the node's
   * membership listener, which runs outside the event loop the registry is confined to.
   */
  public static void reportMemberLeft(Vertx vertx, String nodeId) {
    vertx.eventBus().publish(MEMBER_LEFT, nodeId, new DeliveryOptions().setLocalOnly(true));
  }

  /** Called with a node id whenever a known worker disappears. */
  public void onLoss(Consumer<String> listener) {
    lossListeners.add(listener);
  }

  /**
   * Live workers in {@link Rendezvous} order for {@code routingKey}: every gateway computes the same
   * order, and when the first worker is gone the next one takes over. Workers that report themselves
   * full go last.
   */
  public List<WorkerStatus> candidates(String routingKey, Set<String> excluded) {
    return workers.values().stream()
        .map(Known::status)
        .filter(s -> !s.leaving() && !excluded.contains(s.nodeId()))
        .sorted(Comparator.comparing((WorkerStatus s) -> s.inFlight() >= s.capacity())
            .thenComparing(Comparator.comparingLong((WorkerStatus s) -> Rendezvous.score(s.nodeId(), routingKey)).reversed()))
        .toList();
  }

  /**
   * True until a full status interval has passed since {@link #start}: an empty registry then only
   * means no announcement has arrived yet, not that there is no worker.
   */
  public boolean awaitingFirstAnnouncements() {
    return System.currentTimeMillis() - startedAt < EXPIRY_MS;
  }

  public int size() {
    return workers.size();
  }

  public boolean knows(String nodeId) {
    return workers.containsKey(nodeId);
  }

  private void update(WorkerStatus status) {
    if (status.leaving()) {
      workers.remove(status.nodeId()); // no new jobs; those it runs still get their replies
    } else {
      workers.put(status.nodeId(), new Known(status, System.currentTimeMillis()));
    }
  }

  private void notifyLoss(String nodeId) {
    lossListeners.forEach(l -> l.accept(nodeId));
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    var silent = workers.values().stream().filter(k -> now - k.seenAt() > EXPIRY_MS).map(k -> k.status().nodeId()).toList();
    silent.forEach(nodeId -> {
      workers.remove(nodeId);
      notifyLoss(nodeId);
    });
  }
}
