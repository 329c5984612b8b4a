package global.lco.thumbs.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The worker's own account of its renders: the {@code rendered … stages={fetch=…, decode=…}} lines
 * the service logs, read back from its log file, so the benchmark can say where the end-to-end time
 * of a kind of request went.
 */
final class StageLog {
  private static final Pattern LINE = Pattern.compile("rendered \\d+x\\d+ in (\\d+) ms stages=\\{([^}]*)}");

  private final Path file;

  StageLog(Path file) {
    this.file = file;
  }

  /** The log's length now: pass it to {@link #since} to read only what comes after. */
  long mark() {
    return file.toFile().length();
  }

  /** Each render logged since {@code mark}: its stages' milliseconds, and the whole job's as "job". */
  List<Map<String, Double>> since(long mark) throws IOException {
    var renders = new ArrayList<Map<String, Double>>();
    try (var in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(Math.min(mark, in.length()));
      byte[] rest = new byte[(int) (in.length() - in.getFilePointer())];
      in.readFully(rest);
      for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
        var m = LINE.matcher(line);
        if (!m.find()) {
          continue;
        }
        var stages = new LinkedHashMap<String, Double>();
        for (String pair : m.group(2).split(",\\s*")) {
          var kv = pair.split("=");
          if (kv.length == 2) {
            stages.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
          }
        }
        stages.put("job", Double.parseDouble(m.group(1)));
        renders.add(stages);
      }
    }
    return renders;
  }

  /** Median milliseconds of each stage over {@code renders}, in the order the stages first appear. */
  static Map<String, Double> medians(List<Map<String, Double>> renders) {
    var values = new LinkedHashMap<String, List<Double>>();
    for (var render : renders) {
      render.forEach((stage, ms) -> values.computeIfAbsent(stage, k -> new ArrayList<>()).add(ms));
    }
    var medians = new LinkedHashMap<String, Double>();
    values.forEach((stage, ms) -> medians.put(stage, Stats.median(ms.stream().mapToDouble(Double::doubleValue).toArray())));
    return medians;
  }
}
