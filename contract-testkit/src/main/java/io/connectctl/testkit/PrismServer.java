package io.connectctl.testkit;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A Prism mock server for one spec, on a free loopback port. Static mode serves the spec's named examples;
 * dynamic mode ({@code -d --seed N}) generates schema-valid data, the same data for the same seed.
 */
public final class PrismServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path spec;
  private final OptionalLong seed;
  private final Process process;
  private final int port;
  private final Path log;

  private PrismServer(Path spec, OptionalLong seed, Process process, int port, Path log) {
    this.spec = spec;
    this.seed = seed;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts Prism serving the spec's examples. */
  public static PrismServer start(Path spec) {
    return start(spec, OptionalLong.empty());
  }

  /** Starts Prism generating dynamic responses from {@code seed}. */
  public static PrismServer startDynamic(Path spec, long seed) {
    return start(spec, OptionalLong.of(seed));
  }

  private static PrismServer start(Path spec, OptionalLong seed) {
    if (!Files.isRegularFile(spec)) {
      throw new IllegalStateException("Spec not found: " + spec);
    }
    Path prism = Tools.prismExecutable();
    Tools.requireNode();
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(prism.toString(), "mock", "-h", "127.0.0.1", "-p",
          Integer.toString(port)));
      if (seed.isPresent()) {
        command.addAll(List.of("-d", "--seed", Long.toString(seed.getAsLong())));
      }
      command.add(spec.toString());
      try {
        Path log = Files.createTempFile("prism-" + spec.getFileName() + "-", ".log");
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        PrismServer server = new PrismServer(spec, seed, process, port, log);
        if (server.awaitReady()) {
          return server;
        }
        server.close();
        last = new IOException("Prism did not answer on port " + port + "; its output:\n" + server.output());
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException("Could not start Prism for " + spec, last);
  }

  private boolean awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "__ready").toURL().openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2000);
        connection.getResponseCode();
        connection.disconnect();
        return true;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free loopback port", e);
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

  /** What Prism printed so far (useful in failure messages). */
  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Stops Prism and any process it started. */
  @Override
  public void close() {
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
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a leftover temp file is harmless
    }
  }

  @Override
  public String toString() {
    return "Prism[" + spec.getFileName() + (seed.isPresent() ? ", seed " + seed.getAsLong() : "") + " at " + baseUrl() + "]";
  }

  /** Finding Node, Prism and the specs. */
  public static final class Tools {
    private Tools() {}

    /** The Prism launcher: system property {@code connectctl.prism}, else {@code specs/node_modules/.bin/prism}. */
    public static Path prismExecutable() {
      String configured = System.getProperty("connectctl.prism");
      Path prism = configured != null && !configured.isBlank()
          ? Path.of(configured)
          : Specs.root().resolve("node_modules/.bin/prism");
      if (!Files.isExecutable(prism)) {
        throw new IllegalStateException("Prism is not installed at " + prism
            + ". Run './mvnw -pl specs install' (it runs 'npm ci' in specs/), or 'npm ci' in specs/ yourself.");
      }
      return prism;
    }

    /** Fails with what to install when Node.js is not on the PATH. */
    public static void requireNode() {
      String path = System.getenv().getOrDefault("PATH", "");
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
          return;
        }
      }
      throw new IllegalStateException("Node.js is not on the PATH. The contract tests run Prism, a Node.js program: "
          + "install Node.js 18 or newer (https://nodejs.org or your package manager) and run the build again.");
    }
  }
}
