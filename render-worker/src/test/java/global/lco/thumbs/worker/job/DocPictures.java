package global.lco.thumbs.worker.job;

import global.lco.thumbs.shared.contract.OrientationMode;
import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.fits.Corpus;
import global.lco.thumbs.worker.render.Picture;
import global.lco.thumbs.worker.render.PngEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the pictures of docs/: corpus frames with the legacy flip beside north-up
 * ({@code docs/orientation-side-by-side.png}), and the Jupiter frame before and in planet mode
 * ({@code docs/planet-jupiter.png}). Usage, from the worktree root after {@code mvn -B package -DskipTests}:
 * {@code java -cp render-worker/target/thumbs-render-worker.jar:render-worker/target/test-classes
 * global.lco.thumbs.worker.job.DocPictures docs}
 */
public final class DocPictures {
  private static final int CELL = 300;
  private static final int GAP = 8;
  private static final int BACKGROUND = 48;

  private DocPictures() {
  }

  public static void main(String[] args) throws IOException {
    Path docs = Path.of(args.length > 0 ? args[0] : "docs");
    var runner = new RenderJobRunner(100_000_000L);
    var box = new RenderParams(CELL, CELL, "", false, 99.5, 95);
    var rows = List.of(
        List.of(runner.picture(Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"), labelled(box, "tfn0m414 legacy")),
            runner.picture(Corpus.bytes("lco/tfn0m414-kb29-20160625-0060-e91.fits.fz"),
                labelled(box, "tfn0m414 wcs").withOrientation(OrientationMode.WCS))),
        List.of(runner.picture(Corpus.bytes("lco-like/sdss-86S-rp-lco-like.fits.fz"), labelled(box, "sdss rp legacy")),
            runner.picture(Corpus.bytes("lco-like/sdss-86S-rp-lco-like.fits.fz"),
                labelled(box, "sdss rp wcs").withOrientation(OrientationMode.WCS))));
    write(docs.resolve("orientation-side-by-side.png"), rows);
    var jupiter = Corpus.bytes("planet/jupiter-webcam-20121114-640x480.fits");
    write(docs.resolve("planet-jupiter.png"), List.of(List.of(runner.picture(jupiter, labelled(box, "Jupiter before")),
        runner.picture(jupiter, labelled(box, "planet=true").withPlanet("Jupiter")))));
  }

  private static RenderParams labelled(RenderParams box, String label) {
    return new RenderParams(box.width(), box.height(), label, false, 99.5, 95);
  }

  /** The pictures on a grey sheet, one row per list, each centred in a {@value #CELL}-pixel cell. */
  private static void write(Path file, List<List<Picture>> rows) throws IOException {
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    int w = columns * (CELL + GAP) + GAP;
    int h = rows.size() * (CELL + GAP) + GAP;
    byte[] sheet = new byte[w * h];
    java.util.Arrays.fill(sheet, (byte) BACKGROUND);
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        Picture p = rows.get(r).get(c);
        int x0 = GAP + c * (CELL + GAP) + (CELL - p.width()) / 2;
        int y0 = GAP + r * (CELL + GAP) + (CELL - p.height()) / 2;
        for (int y = 0; y < p.height(); y++) {
          System.arraycopy(p.pixels(), y * p.width(), sheet, (y0 + y) * w + x0, p.width());
        }
      }
    }
    Files.createDirectories(file.getParent());
    Files.write(file, PngEncoder.encode(sheet, w, h, 1));
    System.out.println("wrote " + file);
  }
}
