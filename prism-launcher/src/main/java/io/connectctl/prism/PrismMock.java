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
import java.util.concurrent.TimeUnit;

/**
 * One Prism mock server for one spec on a free loopback port. Static mode answers with the spec's named examples;
 * dynamic mode ({@code -d --seed N}) generates schema-valid data, the same for the same seed. Start several with
 * {@link #start}, then {@link #awaitReady()} each, so they boot in parallel.
 */
public final class PrismMock implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

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
      throw new PrismException("Prism is not installed at " + prism
          + ". Run './mvnw -pl specs install' (it runs 'npm ci' in specs/), or 'npm ci' in specs/ yourself.");
    }
    if (!Files.isRegularFile(spec)) {
      throw new PrismException("Spec not found: " + spec);
    }
    requireNode(env);
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(prism.toString(), "mock", "-h", "127.0.0.1", "-p",
        Integer.toString(port)));
    if (seed.isPresent()) {
      command.addAll(List.of("-d", "--seed", Long.toString(seed.getAsLong())));
    }
    command.add(spec.toString());
    try {
      Path log = Files.createTempFile("prism-" + spec.getFileName() + "-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("PATH", env.getOrDefault("PATH", ""));
      return new PrismMock(spec, seed, builder.start(), port, log);
    } catch (IOException e) {
      throw new PrismException("Could not start Prism for " + spec + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts Prism and waits until it answers, trying another port if the first one was taken meanwhile.
   *
   * @throws PrismException with Prism's output when it does not come up
   */
  public static PrismMock startAndAwait(Path prism, Path spec, OptionalLong seed, Map<String, String> env) {
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
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl() + "__ready").toURL().openConnection();
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
    throw new PrismException("Prism for " + spec.getFileName() + " did not answer on port " + port + "; its output:\n"
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
    throw new PrismException("Node.js is not on the PATH. Prism, the mock server, is a Node.js program: install "
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
}
