package global.lco.thumbs.bench;

import global.lco.thumbs.shared.contract.RenderParams;
import global.lco.thumbs.worker.job.RenderJobRunner;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders one FITS file three times in this JVM, for finding the smallest heap a render fits in:
 * run it with decreasing {@code -Xmx} (and {@code -XX:+UseSerialGC}, which collects fully before
 * giving up) until it fails with OutOfMemoryError. Allocation totals overstate the peak because
 * they count garbage; this measures the live peak, JVM baseline and input file included.
 *
 * <pre>java -Xmx224m -XX:+UseSerialGC -cp bench/target/thumbs-bench.jar global.lco.thumbs.bench.HeapCeiling FILE [--median]</pre>
 */
public final class HeapCeiling {
  private HeapCeiling() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: java -XmxNNNm -XX:+UseSerialGC -cp thumbs-bench.jar " + HeapCeiling.class.getName()
          + " FILE.fits[.fz] [--median]");
      System.exit(2);
    }
    byte[] file = Files.readAllBytes(Path.of(args[0]));
    var runner = new RenderJobRunner(1_000_000_000L);
    var params = new RenderParams(500, 500, "", args.length > 1 && args[1].equals("--median"), 99.5, 80);
    for (int i = 0; i < 3; i++) {
      var rendered = runner.render(file, params);
      System.out.println("rendered " + rendered.width() + "x" + rendered.height() + " with -Xmx "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }
  }
}
