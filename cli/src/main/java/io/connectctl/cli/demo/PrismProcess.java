package io.connectctl.cli.demo;

import io.connectctl.cli.CliException;
import io.connectctl.cli.ExitCode;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Prism mock server serving a spec's examples on a free loopback port, for the demo. (The contract tests have
 * their own JUnit-bound launcher; the CLI must not depend on JUnit, so this is the few lines it needs.)
 */
public final class PrismProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Path log;
  private final String name;

  private PrismProcess(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts Prism without waiting for it to answer (call {@link #awaitReady()}).
   *
   * @param prism the Prism launcher ({@code specs/node_modules/.bin/prism})
   * @param spec the OpenAPI document to serve
   * @param env the environment to find {@code node} on the PATH
   */
  public static PrismProcess start(Path prism, Path spec, Map<String, String> env) {
    if (!Files.isExecutable(prism)) {
      throw new CliException(ExitCode.API_FAILED, "Prism is not installed at " + prism
          + ": run 'npm ci' in specs/ (the build does it: ./mvnw -pl specs package)");
    }
    if (!Files.isRegularFile(spec)) {
      throw new CliException(ExitCode.API_FAILED, "Spec not found: " + spec);
    }
    requireNode(env);
    int port = freePort();
    try {
      Path log = Files.createTempFile("connectctl-prism-", ".log");
      ProcessBuilder builder = new ProcessBuilder(List.of(prism.toString(), "mock", "-h", "127.0.0.1", "-p",
          Integer.toString(port), spec.toString()))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("PATH", env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", "")));
      return new PrismProcess(spec.getFileName().toString(), builder.start(), port, log);
    } catch (IOException e) {
      throw new CliException(ExitCode.API_FAILED, "Could not start Prism for " + spec + ": " + e.getMessage(), e);
    }
  }

  /** Waits until Prism answers HTTP; fails with its output if it exits or takes over a minute. */
  public void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        break;
      }
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
    throw new CliException(ExitCode.API_FAILED, "Prism for " + name + " did not start on port " + port + ": "
        + output.lines().reduce((a, b) -> b).orElse("no output"));
  }

  /** The root URL, ending in a slash, e.g. {@code http://127.0.0.1:4010/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  private String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new CliException(ExitCode.API_FAILED, "No free loopback port: " + e.getMessage());
    }
  }

  private static void requireNode(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
        return;
      }
    }
    throw new CliException(ExitCode.API_FAILED, "The demo runs Prism, a Node.js program, but node is not on the PATH:"
        + " install Node.js 18 or newer");
  }

  /** Stops Prism and the processes it started. */
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
}
