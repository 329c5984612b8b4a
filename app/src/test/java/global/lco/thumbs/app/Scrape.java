package global.lco.thumbs.app;

import java.util.regex.Pattern;

/** One Prometheus text scrape, read the way a test asks about it: the value of one exact series. */
record Scrape(String text) {

  /** The value of the series written exactly as {@code series} (name and labels), 0 when absent. */
  double value(String series) {
    var line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    return line.find() ? Double.parseDouble(line.group(1)) : 0;
  }

  /** Whether any series of metric {@code name} is present. */
  boolean has(String name) {
    return Pattern.compile("^" + Pattern.quote(name) + "[{ ]", Pattern.MULTILINE).matcher(text).find();
  }
}
