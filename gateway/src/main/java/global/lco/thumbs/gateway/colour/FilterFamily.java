package global.lco.thumbs.gateway.colour;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The filter sets a colour thumbnail may be made of (docs/colour.md), in order of preference. Each lists
 * the {@code primary_optical_element} names, lower-cased, that feed its red, green and blue
 * channels. {@code rp} is red in the broadband set but green in the SDSS set, which is why a set is
 * always taken from one family and never mixed.
 */
public enum FilterFamily {
  BROADBAND(Set.of("r", "rp"), Set.of("v"), Set.of("b")),
  SDSS(Set.of("ip"), Set.of("rp"), Set.of("gp")),
  NARROWBAND(Set.of("h-alpha"), Set.of("oiii"), Set.of("sii"));

  private final List<Set<String>> channels;

  FilterFamily(Set<String> red, Set<String> green, Set<String> blue) {
    this.channels = List.of(red, green, blue);
  }

  /** Whether a filter name (any case) feeds channel 0 (red), 1 (green) or 2 (blue) of this family. */
  public boolean feeds(int channel, String filter) {
    return filter != null && channels.get(channel).contains(filter.toLowerCase(Locale.ROOT));
  }
}
