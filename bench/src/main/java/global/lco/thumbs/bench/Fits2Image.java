package global.lco.thumbs.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference renderer, fits2image 0.4.6, in a warm Python process of its own (the driver
 * {@code fits2image_bench.py}, bundled in this jar), rendering the benchmark's frames from local
 * files the way the old service's workers did. It needs Debian's {@code /usr/bin/python3} with
 * astropy, numpy and Pillow, and the fits2image sources; {@link #find} says what is missing.
 */
final class Fits2Image implements AutoCloseable {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  /** Where the reference is looked for, relative to the working directory and to the repository's parent. */
  static final List<Path> REFERENCE_GUESSES = List.of(Path.of("../shared/reference/fits2image-0.4.6"),
      Path.of("/work/shared/reference/fits2image-0.4.6"));

  /** Either a way to run it, or why it cannot run here. */
  record Setup(List<String> command, String missing) {
  }

  /** Mono-render throughput of several processes at once. */
  record Throughput(int processes, long renders, double perSecond) {
  }

  private final Process process;
  private final BufferedReader answers;
  private final Writer requests;

  private Fits2Image(Process process) {
    this.process = process;
    this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /**
   * The command that runs the driver, or what is missing.
   *
   * @param reference the fits2image-0.4.6 folder, or null to look in the usual places
   */
  static Setup find(Path reference, Path work, Path file, Path out) throws IOException, InterruptedException {
    Path ref = reference;
    if (ref == null) {
      ref = REFERENCE_GUESSES.stream().filter(p -> Files.isDirectory(p.resolve("fits2image"))).findFirst().orElse(null);
    }
    if (ref == null || !Files.isDirectory(ref.resolve("fits2image"))) {
      return new Setup(null, "the fits2image 0.4.6 sources (../shared/reference/fits2image-0.4.6, or --reference DIR)");
    }
    if (!Files.isExecutable(PYTHON)) {
      return new Setup(null, "Debian's /usr/bin/python3 (apt-get install python3-astropy python3-numpy python3-pil)");
    }
    var probe = new ProcessBuilder(PYTHON.toString(), "-c", "import astropy, numpy, PIL").redirectErrorStream(true).start();
    String said = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
      return new Setup(null, "astropy, numpy or Pillow for /usr/bin/python3 (apt-get install python3-astropy"
          + " python3-numpy python3-pil): " + said.lines().reduce((a, b) -> b).orElse(""));
    }
    Files.createDirectories(work);
    Path script = work.resolve("fits2image_bench.py");
    try (InputStream in = Fits2Image.class.getResourceAsStream("fits2image_bench.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    String f = file.toAbsolutePath().toString();
    return new Setup(List.of(PYTHON.toString(), script.toString(), "--reference", ref.toAbsolutePath().toString(),
        "--out", out.toAbsolutePath().toString(), "--file", f, "--color", f, f, f), null);
  }

  /** A serving driver: one render per {@link #render} call, one after another. */
  static Fits2Image start(Setup setup, Path log) throws IOException {
    var command = new ArrayList<>(setup.command());
    command.add("serve");
    return new Fits2Image(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start());
  }

  /** One fits_to_jpg call in {@code mode} (mono, median or color); its milliseconds as the driver timed them. */
  double render(String mode) throws IOException {
    requests.write(mode + "\n");
    requests.flush();
    String line = answers.readLine();
    if (line == null) {
      throw new IOException("the fits2image driver stopped; see its log");
    }
    return new JsonObject(line).getDouble("ms");
  }

  /** {@code processes} drivers rendering mono at once for {@code duration}: the old service's worker processes. */
  static Throughput throughput(Setup setup, int processes, Duration duration, Path log)
      throws IOException, InterruptedException {
    var running = new ArrayList<Process>();
    for (int i = 0; i < processes; i++) {
      var command = new ArrayList<>(setup.command());
      command.set(command.indexOf("--out") + 1, command.get(command.indexOf("--out") + 1) + "-" + i + ".jpg");
      command.add("loop");
      command.add(Double.toString(duration.toMillis() / 1000.0));
      running.add(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }
    long renders = 0;
    double perSecond = 0;
    for (Process p : running) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
        throw new IOException("a fits2image throughput driver failed; see " + log);
      }
      var result = new JsonObject(out.lines().reduce((a, b) -> b).orElseThrow());
      renders += result.getLong("renders");
      perSecond += result.getLong("renders") / result.getDouble("seconds");
    }
    return new Throughput(processes, renders, perSecond);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      requests.close();
    } catch (IOException gone) {
      // it has stopped already
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
