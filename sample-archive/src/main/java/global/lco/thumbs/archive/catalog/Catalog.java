package global.lco.thumbs.archive.catalog;

import global.lco.thumbs.archive.catalog.User;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The frames and token users the sample archive serves. Immutable except for {@link #reprocess},
 * which swaps in a new snapshot so readers on the event loop never see a half-made change.
 */
public final class Catalog {
  private volatile Map<Long, Frame> byId;
  private final Map<String, Long> idByObjectKey;
  private final Map<String, User> usersByToken;

  public Catalog(Collection<Frame> frames, Map<String, User> usersByToken) {
    var ids = new LinkedHashMap<Long, Frame>();
    var keys = new HashMap<String, Long>();
    for (var frame : frames) {
      if (ids.putIfAbsent(frame.id(), frame) != null) {
        throw new IllegalArgumentException("duplicate frame id " + frame.id());
      }
      keys.putIfAbsent(frame.objectKey(), frame.id());
    }
    this.byId = Map.copyOf(ids);
    this.idByObjectKey = Map.copyOf(keys);
    this.usersByToken = Map.copyOf(usersByToken);
  }

  /** Every frame, visible or not, in no particular order. */
  public Collection<Frame> frames() {
    return byId.values();
  }

  /** The frame, or {@code null}. */
  public Frame byId(long id) {
    return byId.get(id);
  }

  /** The frame whose download lives at this object key, or {@code null}. */
  public Frame byObjectKey(String objectKey) {
    var id = idByObjectKey.get(objectKey);
    return id == null ? null : byId.get(id);
  }

  /** The user a token belongs to, or {@code null}. */
  public User userForToken(String token) {
    return usersByToken.get(token);
  }

  public Map<String, User> users() {
    return usersByToken;
  }

  /**
   * Simulates reprocessing: the frame keeps its id and basename and gains a new newest version
   * (new version id and key, same bytes), so a cache keyed on the frame id alone goes stale.
   */
  public synchronized FrameVersion reprocess(long frameId, Instant now) {
    var frame = byId.get(frameId);
    if (frame == null) {
      throw new NoSuchElementException("no frame " + frameId);
    }
    var newest = frame.newest();
    int number = frame.versions().size() + 1;
    var md5 = newest == null ? Versions.md5(frame.file()) : newest.md5();
    var version = Versions.make(frameId, number, md5, frame.extension(), now);
    var next = new HashMap<>(byId);
    next.put(frameId, frame.withNewVersion(version));
    byId = Map.copyOf(next);
    return version;
  }

  /** All frames sorted by id, for printing and tests. */
  public List<Frame> sortedById() {
    return byId.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
  }
}
