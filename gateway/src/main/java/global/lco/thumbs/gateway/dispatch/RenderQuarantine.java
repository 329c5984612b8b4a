package global.lco.thumbs.gateway.dispatch;

import global.lco.thumbs.shared.metrics.ThumbsMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames whose renders keep taking their workers down: a "query of death", a file that kills
 * whatever reads it (before the FITS checks caught them, a corrupt tile table made a worker
 * allocate until it died, and the retry killed the next one). A render attempt that ends with its
 * worker leaving the cluster counts as a loss of that worker against the job's frames; when a
 * second worker is lost to the same frames within {@code period}, they are quarantined for
 * {@code period}, and requests for them are answered 422 without being dispatched.
 *
 * <p>Losses are kept in a cluster-wide map (Vert.x shared data: Hazelcast when clustered) with a
 * time to live, written with {@code putIfAbsent} only: {@code frames@node} once per lost worker (so a
 * worker that dies holding several jobs of one frame, at different sizes, counts once), then one
 * numbered entry per distinct lost worker ({@code frames#1}, {@code frames#2}). Every gateway sees
 * them, exactly one gateway sees the loss that quarantines (and logs it), and all gateways together
 * lose at most two workers per poisonous frame per period. A worker that dies for another reason
 * costs the frames it held one loss, which alone quarantines nothing.
 */
public final class RenderQuarantine {
  static final int LOSSES = 2;
  static final String MAP = "thumbs.render.losses";
  private static final Logger LOG = LoggerFactory.getLogger(RenderQuarantine.class);

  private final Vertx vertx;
  private final Duration period;
  private final ThumbsMetrics metrics;
  private Future<AsyncMap<String, Boolean>> map;

  /** @param period how long losses are remembered and a quarantine lasts; zero turns quarantine off */
  public RenderQuarantine(Vertx vertx, Duration period, ThumbsMetrics metrics) {
    this.vertx = vertx;
    this.period = period;
    this.metrics = metrics;
  }

  /**
   * Whether renders of these frames are quarantined. A map that cannot answer (a cluster in
   * trouble) answers no: quarantine protects workers, it must never stop healthy renders.
   */
  public Future<Boolean> isQuarantined(String frames) {
    if (period.isZero()) {
      return Future.succeededFuture(false);
    }
    return map().compose(losses -> losses.get(entry(frames, LOSSES)))
        .map(quarantined -> {
          if (quarantined != null) {
            metrics.quarantine("refused");
          }
          return quarantined != null;
        })
        .otherwise(false);
  }

  /**
   * Counts a render of {@code frames} that lost its worker {@code nodeId}.
   *
   * @return whether the frames are now quarantined
   */
  public Future<Boolean> recordLoss(String frames, String nodeId, String requestId) {
    if (period.isZero()) {
      return Future.succeededFuture(false);
    }
    return map().compose(losses -> losses.putIfAbsent(frames + "@" + nodeId, true, period.toMillis())
            .compose(known -> known == null ? claim(losses, frames, 1)
                : losses.get(entry(frames, LOSSES)).map(quarantined -> quarantined == null ? 1 : LOSSES + 1)))
        .map(loss -> {
          if (loss == LOSSES) {
            metrics.quarantine("quarantined");
            LOG.warn("request={} frames {} quarantined for {} s: their renders took {} workers down", requestId,
                frames, period.toSeconds(), LOSSES);
          }
          return loss >= LOSSES;
        })
        .otherwise(false);
  }

  /** The number of this loss: the first loss entry not yet present, which this call then writes. */
  private Future<Integer> claim(AsyncMap<String, Boolean> losses, String frames, int loss) {
    return losses.putIfAbsent(entry(frames, loss), true, period.toMillis())
        .compose(previous -> previous == null || loss == LOSSES ? Future.succeededFuture(previous == null ? loss
            : LOSSES + 1) : claim(losses, frames, loss + 1));
  }

  private static String entry(String frames, int loss) {
    return frames + "#" + loss;
  }

  private Future<AsyncMap<String, Boolean>> map() {
    if (map == null || map.failed()) {
      map = vertx.sharedData().getAsyncMap(MAP);
    }
    return map;
  }
}
