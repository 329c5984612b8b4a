package global.lco.thumbs.gateway.colour;

import global.lco.thumbs.gateway.archive.ArchiveFrame;
import global.lco.thumbs.shared.contract.FrameSource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The three frames of a colour thumbnail, chosen among a request's reduced frames (docs/colour.md): the
 * first family, in {@link FilterFamily} order, with a frame for every channel, and per channel the
 * newest such frame (by {@code observation_date}, then id). Frames without a download URL or a FITS
 * file name cannot be rendered and count as missing.
 */
public record ColourSet(FilterFamily family, ArchiveFrame red, ArchiveFrame green, ArchiveFrame blue) {

  /** Newest first: later observation, then higher id; an unreadable date sorts as oldest. */
  static final Comparator<ArchiveFrame> NEWEST_FIRST = Comparator
      .comparing(ColourSet::observed).thenComparingLong(ArchiveFrame::id).reversed();

  /** The set to render, or empty when no family is complete. */
  public static Optional<ColourSet> choose(List<ArchiveFrame> siblings) {
    var usable = siblings.stream().filter(ColourSet::renderable).toList();
    for (var family : FilterFamily.values()) {
      var red = newest(usable, family, 0);
      var green = newest(usable, family, 1);
      var blue = newest(usable, family, 2);
      if (red.isPresent() && green.isPresent() && blue.isPresent()) {
        return Optional.of(new ColourSet(family, red.get(), green.get(), blue.get()));
      }
    }
    return Optional.empty();
  }

  /** What the worker renders and the cache key is made of, in red, green, blue order. */
  public List<FrameSource> sources() {
    return List.of(source(red), source(green), source(blue));
  }

  private static FrameSource source(ArchiveFrame frame) {
    return new FrameSource(frame.id(), frame.pixelVersion(), frame.filename(), frame.url());
  }

  private static Optional<ArchiveFrame> newest(List<ArchiveFrame> frames, FilterFamily family, int channel) {
    return frames.stream()
        .filter(f -> family.feeds(channel, f.json().getValue("primary_optical_element") instanceof String s ? s : null))
        .min(NEWEST_FIRST);
  }

  static boolean renderable(ArchiveFrame frame) {
    var filename = frame.filename();
    return frame.url() != null && filename != null && (filename.endsWith(".fits") || filename.endsWith(".fits.fz"));
  }

  private static Instant observed(ArchiveFrame frame) {
    if (frame.json().getValue("observation_date") instanceof String date) {
      try {
        return Instant.parse(date);
      } catch (DateTimeParseException unreadable) {
        return Instant.MIN;
      }
    }
    return Instant.MIN;
  }
}
