package global.lco.thumbs.archive.faults;

import global.lco.thumbs.archive.routes.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The armed faults of one sample archive. Tests add and clear them from their own thread while
 * the server takes them on the event loop, hence the locking.
 */
public final class Faults {
  private final List<Armed> armed = new ArrayList<>();

  private static final class Armed {
    final Fault fault;
    int remaining;

    Armed(Fault fault) {
      this.fault = fault;
      this.remaining = fault.times();
    }

    /** Uses one shot; {@code true} when none are left. */
    boolean fire() {
      return remaining != Fault.PERSISTENT && --remaining == 0;
    }
  }

  /** Arms a fault after those already armed. */
  public synchronized Faults add(Fault fault) {
    armed.add(new Armed(fault));
    return this;
  }

  public synchronized Faults clear() {
    armed.clear();
    return this;
  }

  /** The armed faults, each with the shots it has left in {@link Fault#times()}. */
  public synchronized List<Fault> active() {
    return armed.stream().map(a -> a.fault.times() == a.remaining ? a.fault : a.fault.times(a.remaining)).toList();
  }

  /** Takes the first delivery fault (not {@link Fault.Mode#shapesContent()}) matching the request. */
  public synchronized Optional<Fault> take(Route route, Long frameId) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      var a = it.next();
      if (!a.fault.mode().shapesContent() && a.fault.matches(route, frameId)) {
        if (a.fire()) {
          it.remove();
        }
        return Optional.of(a.fault);
      }
    }
    return Optional.empty();
  }

  /**
   * Of the frames one metadata answer is about to describe, those whose URLs must be minted
   * expired. Each matching fault uses one shot per answer.
   */
  public synchronized Set<Long> takeExpired(Collection<Long> frameIds) {
    var expired = new HashSet<Long>();
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      var a = it.next();
      if (a.fault.mode() != Fault.Mode.EXPIRED) {
        continue;
      }
      var hit = frameIds.stream().filter(id -> a.fault.matches(Route.FRAMES, id)).toList();
      if (!hit.isEmpty()) {
        expired.addAll(hit);
        if (a.fire()) {
          it.remove();
        }
      }
    }
    return expired;
  }

  /** The count the next list page must report, if a {@link Fault.Mode#COUNT} fault is armed. */
  public synchronized OptionalLong takeCount() {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      var a = it.next();
      if (a.fault.mode() == Fault.Mode.COUNT) {
        if (a.fire()) {
          it.remove();
        }
        return OptionalLong.of(a.fault.count());
      }
    }
    return OptionalLong.empty();
  }
}
