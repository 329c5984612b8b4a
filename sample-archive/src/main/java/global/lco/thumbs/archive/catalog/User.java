package global.lco.thumbs.archive.catalog;

import java.time.Instant;
import java.util.Set;

/**
 * Who is asking, and the archive's visibility rule for them (the same for list and detail).
 *
 * @param proposals proposal ids whose proprietary frames this user may see
 * @param superuser sees everything
 */
public record User(String username, Set<String> proposals, boolean superuser) {
  public static final User ANONYMOUS = new User("", Set.of(), false);

  public User {
    proposals = Set.copyOf(proposals);
  }

  public boolean anonymous() {
    return this == ANONYMOUS;
  }

  /** Frames without an observation date are hidden from everyone, superusers included. */
  public boolean canSee(Frame frame, Instant now) {
    if (frame.observationDate() == null) {
      return false;
    }
    return superuser || frame.isPublicAt(now) || proposals.contains(frame.proposalId());
  }
}
