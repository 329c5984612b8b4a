package global.lco.thumbs.app;

import global.lco.thumbs.worker.RenderWorkerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A render worker in its own JVM (the real main class), so it can be killed or sent SIGTERM. */
final class WorkerProcess implements AutoCloseable {
  final Process process;
  final Path log;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static WorkerProcess start(Map<String, String> env, Path log) {
    return start(env, log, "-Xmx512m");
  }

  /** A worker with these JVM options (heap size, -XX:+ExitOnOutOfMemoryError as the container images set). */
  static WorkerProcess start(Map<String, String> env, Path log, String... jvmOptions) {
    var java = ProcessHandle.current().info().command().orElse("java");
    var command = new java.util.ArrayList<String>();
    command.add(java);
    command.addAll(List.of(jvmOptions));
    command.addAll(List.of("-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        RenderWorkerMain.class.getName()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      return new WorkerProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
