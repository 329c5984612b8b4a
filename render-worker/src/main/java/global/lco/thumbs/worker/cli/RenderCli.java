package global.lco.thumbs.worker.cli;

import global.lco.thumbs.shared.contract.Problem;
import global.lco.thumbs.worker.compare.PictureFiles;
import global.lco.thumbs.worker.job.RenderJobRunner;
import global.lco.thumbs.worker.job.RenderedJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a local FITS file to a JPEG thumbnail with the service's pipeline and parameters, for
 * scripts and pipelines: {@code java -jar thumbs-render-worker.jar --width 500 in.fits.fz out.jpg}, or a
 * colour composite with {@code --color red.fits green.fits blue.fits out.jpg}.
 * Exit codes: 0 done, 1 the file cannot be rendered, 2 bad usage.
 */
public final class RenderCli {
  private RenderCli() {
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length == 0 || java.util.List.of(args).contains("--help")) {
      System.out.println(CliArguments.USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (IllegalArgumentException bad) {
      System.err.println("error: " + bad.getMessage());
      System.err.println(CliArguments.USAGE);
      System.exit(2);
      return;
    }
    System.exit(run(arguments));
  }

  static int run(CliArguments arguments) {
    var input = String.join(", ", arguments.inputs().stream().map(Object::toString).toList());
    try {
      var fits = new ArrayList<byte[]>();
      for (var file : arguments.inputs()) {
        fits.add(Files.readAllBytes(file));
      }
      var runner = new RenderJobRunner(Long.MAX_VALUE);
      var rendered = arguments.rawPng().isPresent() ? throughPicture(runner, fits, arguments)
          : arguments.color() ? runner.renderColour(fits, arguments.params())
          : runner.render(fits.get(0), arguments.params());
      // Write beside the target and move, so a reader never sees half a JPEG.
      var partial = arguments.output().resolveSibling(arguments.output().getFileName() + ".part");
      try {
        Files.write(partial, rendered.jpeg());
        Files.move(partial, arguments.output(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      System.out.println(arguments.output() + ": " + rendered.width() + "x" + rendered.height() + " JPEG, "
          + rendered.jpeg().length + " bytes; stages (ms) " + rendered.stageMillis());
      return 0;
    } catch (Problem unreadable) {
      System.err.println("error: " + input + ": " + unreadable.getMessage());
      return 1;
    } catch (IOException io) {
      System.err.println("error: " + io.getMessage());
      return 1;
    }
  }

  /** The render with its pre-encode image kept as a PNG, then encoded from that same image. */
  private static RenderedJob throughPicture(RenderJobRunner runner, List<byte[]> fits, CliArguments arguments)
      throws IOException {
    var params = arguments.params();
    var picture = arguments.color() ? runner.colourPicture(fits, params).picture() : runner.picture(fits.get(0), params);
    PictureFiles.write(picture, arguments.rawPng().orElseThrow());
    return new RenderedJob(picture.jpeg(params.quality()), picture.width(), picture.height(), Map.of());
  }
}
