package io.connectctl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MockServers} server in a JVM of its own, so it takes no heap, GC or allocation from the
 * client's.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server kind (see {@link MockServers}) and waits until it listens. */
  public static ServerProcess start(String kind, String... args) {
    List<String> command =
        Jvm.command(List.of("-Xmx512m", "-XX:+UseSerialGC"), MockServers.class, concat(kind, args));
    try {
      java.nio.file.Path log = java.nio.file.Path.of("bench/target/logs/server-" + kind + ".log");
      java.nio.file.Files.createDirectories(log.toAbsolutePath().getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null || !line.startsWith("PORT ")) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Mock server '" + kind + "' did not start (printed: " + line + "; see " + log + ")");
      }
      return new ServerProcess(process, Integer.parseInt(line.substring(5).trim()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> concat(String first, String... rest) {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }

  /** The root URL without a trailing slash. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /**
   * The server's counters ({@code requests}, {@code GET}, {@code PUT}, {@code status.429}, {@code
   * rejected} …).
   */
  public Map<String, Long> stats() {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/__stats")).build(),
                  HttpResponse.BodyHandlers.ofString());
      Map<String, Long> stats = new HashMap<>();
      for (String line : response.body().split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          stats.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
        }
      }
      return stats;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // it is being stopped anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
