package global.lco.thumbs.gateway.dispatch;

import global.lco.thumbs.shared.contract.RenderJob;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Rendezvous (highest random weight) hashing of jobs onto workers: every gateway ranks the workers
 * it knows the same way for a job's frames, so the same frame goes to the same worker (its frame
 * cache, one render per key across gateways), and when that worker leaves only its frames move.
 */
public final class Rendezvous {
  private Rendezvous() {
  }

  /** Jobs for the same frames (ids and versions) route alike, whatever size or options are asked for. */
  public static String routingKey(RenderJob job) {
    return job.frames().stream().map(f -> f.id() + "/" + f.version()).collect(Collectors.joining(","));
  }

  /** The node that ranks first for {@code routingKey}, or null when there is none. */
  public static String choose(Collection<String> nodeIds, String routingKey) {
    return nodeIds.stream().max(Comparator.comparingLong(id -> score(id, routingKey))).orElse(null);
  }

  /** A 64-bit FNV-1a hash of node and key, mixed; higher ranks first. */
  public static long score(String nodeId, String routingKey) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : (nodeId + "\n" + routingKey).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
