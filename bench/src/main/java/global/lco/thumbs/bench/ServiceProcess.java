package global.lco.thumbs.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The single-machine service as a user runs it: {@code java [options] -jar app/target/thumbs.jar}
 * in a JVM of its own (the benchmark's own java), so its start-up, its first renders and its
 * resident memory are its own. Its output goes to a log file beside the benchmark's data.
 */
final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Duration startup;

  private ServiceProcess(Process process, int port, Duration startup) {
    this.process = process;
    this.port = port;
    this.startup = startup;
  }

  /**
   * Starts the jar and waits until {@code /ready} answers 200.
   *
   * @param jvmOptions options before {@code -jar} (empty: what a bare {@code java -jar} gets)
   * @param env        settings added to this process's environment
   */
  static ServiceProcess start(Path jar, List<String> jvmOptions, Map<String, String> env, Path log)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it first (mvn -B -DskipTests package)");
    }
    int port = InProcessService.freePort();
    var command = new ArrayList<String>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    var builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    var environment = builder.environment();
    environment.putAll(env);
    environment.put("HTTP_HOST", "127.0.0.1");
    environment.put("HTTP_PORT", Integer.toString(port));
    // As run.sh and the containers start it (label glyphs like fits2image's).
    environment.putIfAbsent("FREETYPE_PROPERTIES", "truetype:interpreter-version=40");
    long start = System.nanoTime();
    Process process = builder.start();
    var service = new ServiceProcess(process, port, null);
    try (var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build()) {
      long deadline = start + TimeUnit.SECONDS.toNanos(120);
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
        }
        if (System.nanoTime() > deadline) {
          service.close();
          throw new IllegalStateException("the service was not ready within 120 s; see " + log);
        }
        try {
          var ready = http.send(HttpRequest.newBuilder(URI.create(service.url("/ready")))
              .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
          if (ready.statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(10);
      }
    }
    return new ServiceProcess(process, port, Duration.ofNanos(System.nanoTime() - start));
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port + pathAndQuery;
  }

  /** From the JVM's launch to the first 200 of {@code /ready}. */
  Duration startup() {
    return startup;
  }

  long pid() {
    return process.pid();
  }

  /** Peak resident set size so far ({@code VmHWM}), in bytes; -1 where /proc is missing. */
  long peakRss() {
    return status().getOrDefault("VmHWM", -1L);
  }

  /**
   * Waits, at most 2 s, until the service takes no CPU for 60 ms (work it does after an answer:
   * collecting garbage, compiling), so what runs next on the same cores is not slowed by it.
   */
  void awaitIdle() throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    long before = cpuMillis();
    while (System.nanoTime() < deadline) {
      Thread.sleep(60);
      long now = cpuMillis();
      if (now == before) {
        return;
      }
      before = now;
    }
  }

  /** Resident set size now ({@code VmRSS}), in bytes; -1 where /proc is missing. */
  long rss() {
    return status().getOrDefault("VmRSS", -1L);
  }

  /** CPU time the process has used so far (user + system), in ms; -1 where /proc is missing. */
  long cpuMillis() {
    return cpuMillis(process.pid());
  }

  /** CPU time of process {@code pid} so far from {@code /proc/PID/stat} (clock ticks of 10 ms), or -1. */
  static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException noProc) {
      return -1;
    }
  }

  private Map<String, Long> status() {
    var values = new HashMap<String, Long>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        var parts = line.split(":\\s+");
        if (parts.length == 2 && parts[1].endsWith(" kB")) {
          values.put(parts[0], Long.parseLong(parts[1].substring(0, parts[1].length() - 3).trim()) * 1024);
        }
      }
    } catch (IOException | RuntimeException noProc) {
      // not Linux, or the process is gone: no figure
    }
    return values;
  }

  /** SIGTERM (the service drains and exits), then a kill if it takes longer than 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

}
