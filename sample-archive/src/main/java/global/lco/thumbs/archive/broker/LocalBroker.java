package global.lco.thumbs.archive.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A private RabbitMQ broker (Debian's {@code rabbitmq-server}) for tests, benchmarks and local
 * runs: its own node name, loopback ports and data folder, so it never meets the machine's own
 * broker or another test's. Data survive {@link #stop()} and {@link #start()}, as on a real broker
 * restart; {@link #close()} stops it for good. User {@code guest}, which RabbitMQ allows from
 * loopback only.
 */
public final class LocalBroker implements AutoCloseable {
  public static final Path SERVER = Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final String node = "thumbs-" + UUID.randomUUID().toString().substring(0, 8) + "@localhost";
  private final int port = freePort();
  private final int distributionPort = freePort();
  private Process process;

  private LocalBroker(Path dir) {
    this.dir = dir;
  }

  /** Why no broker can be started here, or null when one can. */
  public static String unavailable() {
    return Files.isExecutable(SERVER) ? null
        : SERVER + " is absent (apt-get install rabbitmq-server; .ci/run installs it)";
  }

  /** Starts a broker keeping its data under {@code dir}; returns once it accepts AMQP connections. */
  public static LocalBroker start(Path dir) {
    var broker = new LocalBroker(dir);
    broker.start();
    return broker;
  }

  /** {@code amqp://guest:guest@127.0.0.1:PORT} (no path: the default virtual host {@code /}). */
  public String url() {
    return "amqp://guest:guest@127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts the broker (again, after {@link #stop()}); waits until it accepts connections. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      Files.createDirectories(dir.resolve("log"));
      Files.writeString(dir.resolve("enabled_plugins"), "[].\n");
      Files.writeString(dir.resolve("rabbitmq.conf"), "log.console = false\n");
      var builder = new ProcessBuilder(SERVER.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
      var env = builder.environment();
      env.put("RABBITMQ_NODENAME", node);
      env.put("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1");
      env.put("RABBITMQ_NODE_PORT", Integer.toString(port));
      env.put("RABBITMQ_DIST_PORT", Integer.toString(distributionPort));
      env.put("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString());
      env.put("RABBITMQ_LOG_BASE", dir.resolve("log").toString());
      env.put("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString());
      env.put("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString());
      env.put("RABBITMQ_PID_FILE", dir.resolve("broker.pid").toString());
      env.put("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString());
      // Erlang keeps its cookie in $HOME; a CI job may run without one.
      env.putIfAbsent("HOME", dir.toString());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long end = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!accepting()) {
      if (!process.isAlive() || System.nanoTime() > end) {
        stop();
        throw new IllegalStateException("rabbitmq-server did not start; see " + dir.resolve("server.out"));
      }
      sleep(100);
    }
  }

  /** Stops the broker as its service manager would (SIGTERM to the Erlang VM) and waits for it to exit. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    var vm = brokerPid();
    vm.ifPresent(ProcessHandle::destroy);
    process.destroy();
    long end = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while ((process.isAlive() || vm.map(ProcessHandle::isAlive).orElse(false)) && System.nanoTime() < end) {
      sleep(50);
    }
    vm.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process = null;
    while (accepting()) {
      sleep(50);
    }
  }

  public boolean accepting() {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The Erlang VM this broker runs in: the pid it wrote, if that is the process started here or one of its children. */
  private Optional<ProcessHandle> brokerPid() {
    try {
      long pid = Long.parseLong(Files.readString(dir.resolve("broker.pid")).trim());
      if (pid == process.pid()) {
        return Optional.of(process.toHandle());
      }
      return process.descendants().filter(h -> h.pid() == pid).findFirst();
    } catch (IOException | NumberFormatException unknown) {
      return Optional.empty();
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
