package io.connectctl.prism;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One Prism mock server for one spec on a free loopback port. Static mode answers with the spec's
 * named examples; dynamic mode ({@code -d --seed N}) generates schema-valid data, the same for the
 * same seed. Start several with {@link #start}, then {@link #awaitReady()} each, so they boot in
 * parallel.
 *
 * <p>No Prism outlives the JVM that started it. {@link #close()} stops Prism and its children; a
 * shutdown hook closes what is still open when the JVM exits (Ctrl-C included); and for a JVM that
 * is killed outright, Prism runs under a small shell watchdog (in a process group of its own, via
 * {@code setsid} where available) that ends the group once the starting JVM is gone. Each running
 * mock also leaves a pid file under {@code $TMPDIR/connectctl-prism/}; the next start stops any
 * mock whose JVM is gone, should a watchdog itself have been killed.
 */
public final class PrismMock implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Where running mocks leave their pid files: the file name is the watchdog's pid, the content the
   * JVM's.
   */
  static final Path PID_DIR = Path.of(System.getProperty("java.io.tmpdir"), "connectctl-prism");

  /**
   * Runs {@code "$@"} (Prism) and ends its process group, or at least Prism, as soon as process
   * {@code $1} (the JVM) is gone. {@code $$} is this shell, the group leader when started through
   * {@code setsid}.
   */
  private static final String WATCHDOG =
      String.join(
          "\n",
          "parent=$1; shift",
          "\"$@\" &",
          "child=$!",
          "trap 'kill -TERM $child 2>/dev/null; exit 143' TERM INT",
          "( while kill -0 \"$parent\" 2>/dev/null && kill -0 \"$child\" 2>/dev/null; do sleep 1; done",
          "  kill -TERM \"$child\" 2>/dev/null; sleep 2; kill -KILL -$$ 2>/dev/null || kill -KILL \"$child\" 2>/dev/null",
          ") </dev/null >/dev/null 2>&1 &",
          "wait \"$child\"");

  private static final Set<PrismMock> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> List.copyOf(OPEN).forEach(PrismMock::close), "prism-mock-shutdown"));
  }

  private final Path spec;
  private final OptionalLong seed;
  private final Process process;
  private final int port;
  private final Path log;

  private PrismMock(Path spec, OptionalLong seed, Process process, int port, Path log) {
    this.spec = spec;
    this.seed = seed;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts Prism without waiting for it to answer.
   *
   * @param prism the Prism launcher ({@code specs/node_modules/.bin/prism})
   * @param spec the OpenAPI document to serve
   * @param seed a seed for dynamic responses, or empty to serve the examples
   * @param env the environment whose {@code PATH} must hold {@code node}
   * @throws PrismException saying what to install when Prism or Node.js is missing
   */
  public static PrismMock start(Path prism, Path spec, OptionalLong seed, Map<String, String> env) {
    if (!Files.isExecutable(prism)) {
      throw new PrismException(
          "Prism is not installed at "
              + prism
              + ". Run './mvnw -pl specs install' (it runs 'npm ci' in specs/), or 'npm ci' in specs/ yourself.");
    }
    if (!Files.isRegularFile(spec)) {
      throw new PrismException("Spec not found: " + spec);
    }
    requireNode(env);
    stopOrphans();
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(prism.toString(), "mock", "-h", "127.0.0.1", "-p", Integer.toString(port)));
    if (seed.isPresent()) {
      command.addAll(List.of("-d", "--seed", Long.toString(seed.getAsLong())));
    }
    command.add(spec.toString());
    try {
      Path log = Files.createTempFile("prism-" + spec.getFileName() + "-", ".log");
      List<String> watched = new ArrayList<>();
      if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
        watched.add("/usr/bin/setsid");
      }
      watched.addAll(
          List.of(
              "/bin/sh",
              "-c",
              WATCHDOG,
              "prism-watchdog",
              Long.toString(ProcessHandle.current().pid())));
      watched.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(watched).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("PATH", env.getOrDefault("PATH", ""));
      PrismMock mock = new PrismMock(spec, seed, builder.start(), port, log);
      OPEN.add(mock);
      mock.writePidFile();
      return mock;
    } catch (IOException e) {
      throw new PrismException("Could not start Prism for " + spec + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts Prism and waits until it answers, trying another port if the first one was taken
   * meanwhile.
   *
   * @throws PrismException with Prism's output when it does not come up
   */
  public static PrismMock startAndAwait(
      Path prism, Path spec, OptionalLong seed, Map<String, String> env) {
    PrismException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      PrismMock mock = start(prism, spec, seed, env);
      try {
        mock.awaitReady();
        return mock;
      } catch (PrismException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Waits until Prism answers HTTP.
   *
   * @throws PrismException with Prism's output (and stops it) if it exits or takes over a minute
   */
  public void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpURLConnection connection =
            (HttpURLConnection) URI.create(baseUrl() + "__ready").toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        connection.getResponseCode();
        connection.disconnect();
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    String output = output();
    close();
    throw new PrismException(
        "Prism for "
            + spec.getFileName()
            + " did not answer on port "
            + port
            + "; its output:\n"
            + output);
  }

  /**
   * Fails with what to install when Node.js is not on {@code env}'s PATH.
   *
   * @throws PrismException naming what to install
   */
  public static void requireNode(Map<String, String> env) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
        return;
      }
    }
    throw new PrismException(
        "Node.js is not on the PATH. Prism, the mock server, is a Node.js program: install "
            + "Node.js 18 or newer (https://nodejs.org or your package manager) and try again.");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new PrismException("No free loopback port: " + e.getMessage(), e);
    }
  }

  /** The root URL, ending in a slash, e.g. {@code http://127.0.0.1:4010/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** The port Prism listens on. */
  public int port() {
    return port;
  }

  /** The spec being served. */
  public Path spec() {
    return spec;
  }

  /** The seed of a dynamic server, empty for a static one. */
  public OptionalLong seed() {
    return seed;
  }

  /** What Prism printed so far. */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** The pid of the process that runs Prism (its watchdog shell). */
  public long pid() {
    return process.pid();
  }

  private void writePidFile() {
    try {
      Files.createDirectories(PID_DIR);
      Files.writeString(
          PID_DIR.resolve(Long.toString(process.pid())),
          Long.toString(ProcessHandle.current().pid()));
    } catch (IOException e) {
      // the watchdog and the shutdown hook still stop this mock
    }
  }

  /** Stops mocks whose JVM is gone (their watchdog was killed too), as their pid files tell. */
  static void stopOrphans() {
    if (!Files.isDirectory(PID_DIR)) {
      return;
    }
    try (var files = Files.list(PID_DIR)) {
      for (Path file : files.toList()) {
        try {
          long watchdog = Long.parseLong(file.getFileName().toString());
          long owner = Long.parseLong(Files.readString(file).trim());
          if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
          ProcessHandle.of(watchdog)
              .filter(h -> h.info().commandLine().map(c -> c.contains("prism")).orElse(false))
              .ifPresent(PrismMock::destroyTree);
          Files.deleteIfExists(file);
        } catch (IOException | NumberFormatException e) {
          // not ours, or already gone
        }
      }
    } catch (IOException e) {
      // nothing to clean up
    }
  }

  private static void destroyTree(ProcessHandle handle) {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
  }

  /** Stops Prism and any process it started. */
  @Override
  public void close() {
    OPEN.remove(this);
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(PID_DIR.resolve(Long.toString(process.pid())));
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }

  @Override
  public String toString() {
    return "Prism["
        + spec.getFileName()
        + (seed.isPresent() ? ", seed " + seed.getAsLong() : "")
        + " at "
        + baseUrl()
        + "]";
  }
}
