package global.lco.thumbs.worker.cli;

import global.lco.thumbs.shared.contract.RenderParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of {@link RenderCli}, with the HTTP API's names, defaults and ranges, so a
 * script gets exactly the thumbnail the service would give. {@code inputs} holds one FITS file, or
 * three (red, green, blue) with {@code --color}.
 */
record CliArguments(List<Path> inputs, Path output, RenderParams params, Optional<Path> rawPng) {
  static final String USAGE = """
      usage: java -jar thumbs-render-worker.jar [options] INPUT.fits[.fz] OUTPUT.jpg
             java -jar thumbs-render-worker.jar [options] --color RED.fits GREEN.fits BLUE.fits OUTPUT.jpg
        --color          colour composite of three frames (red, green, blue), registered onto red
        --width N        box width, 1..10000 (default 200)
        --height N       box height, 1..10000 (default 200)
        --label TEXT     text drawn bottom-left (at most 256 characters)
        --median         fits2image median contrast mode
        --percentile P   percentile for --median, (0, 100] (default 99.5)
        --quality Q      JPEG quality 1..100 (default 80)
        --raw-png FILE   also write the image before JPEG encoding as a lossless PNG
                         (what to compare with fits2image's render_reference.py --raw-png)
      The image is fitted inside width x height, never enlarged.""";

  static final int MAX_SIDE = 10_000;

  /** Three inputs make a colour composite. */
  boolean color() {
    return inputs.size() == 3;
  }

  static CliArguments parse(String[] args) {
    var defaults = RenderParams.defaults();
    int width = defaults.width();
    int height = defaults.height();
    String label = "";
    boolean median = false;
    boolean color = false;
    double percentile = defaults.percentile();
    int quality = defaults.quality();
    Path rawPng = null;
    var paths = new ArrayList<Path>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--width" -> width = integer(arg, value(args, ++i, arg), 1, MAX_SIDE);
        case "--height" -> height = integer(arg, value(args, ++i, arg), 1, MAX_SIDE);
        case "--label" -> label = label(value(args, ++i, arg));
        case "--median" -> median = true;
        case "--color" -> color = true;
        case "--percentile" -> percentile = percentile(value(args, ++i, arg));
        case "--quality" -> quality = integer(arg, value(args, ++i, arg), 1, 100);
        case "--raw-png" -> rawPng = Path.of(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          paths.add(Path.of(arg));
        }
      }
    }
    if (color && paths.size() != 4) {
      throw new IllegalArgumentException("--color expects three input FITS files (red, green, blue) and one output JPEG");
    }
    if (!color && paths.size() != 2) {
      throw new IllegalArgumentException("expected one input FITS file and one output JPEG");
    }
    return new CliArguments(List.copyOf(paths.subList(0, paths.size() - 1)), paths.get(paths.size() - 1),
        new RenderParams(width, height, label, median, percentile, quality), Optional.ofNullable(rawPng));
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static int integer(String option, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the range
    }
    throw new IllegalArgumentException(option + " must be an integer in " + min + ".." + max + ", got '" + text + "'");
  }

  private static double percentile(String text) {
    try {
      double value = Double.parseDouble(text);
      if (value > 0 && value <= 100) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the range
    }
    throw new IllegalArgumentException("--percentile must be a number in (0, 100], got '" + text + "'");
  }

  private static String label(String text) {
    if (text.codePointCount(0, text.length()) > 256) {
      throw new IllegalArgumentException("--label must be at most 256 characters");
    }
    return text;
  }
}
