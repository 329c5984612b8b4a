package global.lco.thumbs.archive.frames;

import global.lco.thumbs.archive.catalog.Frame;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;

/**
 * DRF's {@code OrderingFilter}: {@code ordering=a,-b} over the allowed fields, unknown names
 * dropped, default {@code -observation_date}. Nulls sort as in PostgreSQL (last ascending, first
 * descending). Ties fall back to the id, newest first, so pages are stable.
 */
final class FrameOrdering {
  private static final Map<String, Function<Frame, Comparable<?>>> FIELDS = Map.of(
      "id", Frame::id,
      "basename", Frame::basename,
      "observation_date", Frame::observationDate,
      "primary_optical_element", Frame::primaryOpticalElement,
      "configuration_type", Frame::configurationType,
      "proposal_id", Frame::proposalId,
      "instrument_id", Frame::instrumentId,
      "target_name", Frame::targetName,
      "reduction_level", Frame::reductionLevel,
      "exposure_time", Frame::exposureTime);
  private static final String DEFAULT = "-observation_date";

  private FrameOrdering() {
  }

  static Comparator<Frame> parse(String ordering) {
    Comparator<Frame> order = null;
    if (ordering != null) {
      for (var term : ordering.split(",")) {
        var name = term.trim();
        var next = comparator(name);
        if (next != null) {
          order = order == null ? next : order.thenComparing(next);
        }
      }
    }
    if (order == null) {
      order = comparator(DEFAULT);
    }
    return order.thenComparing(Comparator.comparingLong(Frame::id).reversed());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Frame> comparator(String term) {
    boolean descending = term.startsWith("-");
    var field = FIELDS.get(descending ? term.substring(1) : term);
    if (field == null) {
      return null;
    }
    Comparator<Comparable> natural = Comparator.naturalOrder();
    Comparator<Frame> ascending = Comparator.comparing(f -> (Comparable) field.apply(f), Comparator.nullsLast(natural));
    return descending ? ascending.reversed() : ascending;
  }
}
