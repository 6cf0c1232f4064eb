package io.connectctl.cli;

import static io.connectctl.cli.StubWorkerAnswers.SINK;
import static io.connectctl.cli.StubWorkerAnswers.info;
import static io.connectctl.cli.StubWorkerAnswers.respond;
import static io.connectctl.cli.StubWorkerAnswers.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24, lifecycle: the real {@code connectctl reconcile} process (a child JVM on this test's
 * class path) against a fake Kafka Connect worker. SIGTERM or SIGINT, sent while a cycle's request
 * is held by the worker, lets that request finish, logs {@code stopped}, exits 0 and releases the
 * state directory's lock, so the next instance on the same context can start.
 */
class ReconcileSignalTest {
  private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

  @TempDir Path home;

  private HttpServer worker;
  private final Map<String, String> connectors = new ConcurrentHashMap<>();
  private volatile boolean holdListing;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void startWorker() throws IOException {
    worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    worker.setExecutor(Executors.newCachedThreadPool());
    worker.createContext("/", this::handle);
    worker.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      if (p.isAlive()) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    release.countDown();
    worker.stop(0);
    ((ExecutorService) worker.getExecutor()).shutdownNow();
  }

  /** A worker that keeps what is created; the listing is held once {@link #holdListing} is set. */
  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String[] parts = path.split("/");
    String name = parts.length > 2 ? parts[2] : "";
    if (method.equals("GET") && path.equals("/")) {
      respond(exchange, 200, "{\"version\":\"3.8.0\",\"commit\":\"x\",\"kafka_cluster_id\":\"k\"}");
    } else if (method.equals("GET") && path.equals("/connectors")) {
      if (holdListing) {
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      StringBuilder out = new StringBuilder("{");
      for (String c : connectors.keySet()) {
        out.append(out.length() > 1 ? "," : "")
            .append("\"")
            .append(c)
            .append("\":{\"status\":")
            .append(status(c, "RUNNING"))
            .append(",\"info\":")
            .append(info(c))
            .append("}");
      }
      respond(exchange, 200, out.append("}").toString());
    } else if (method.equals("POST") && path.equals("/connectors")) {
      Matcher m = NAME.matcher(body);
      String created = m.find() ? m.group(1) : "";
      connectors.put(created, "created");
      respond(exchange, 201, info(created));
    } else if (!connectors.containsKey(name)) {
      respond(exchange, 404, "{\"error_code\":404,\"message\":\"no such connector\"}");
    } else if (path.endsWith("/status")) {
      respond(exchange, 200, status(name, "RUNNING"));
    } else if (path.endsWith("/config")) {
      respond(exchange, 200, "{\"connector.class\":\"" + SINK + "\",\"topics\":\"t\"}");
    } else {
      respond(exchange, 200, info(name));
    }
  }

  /**
   * Starts {@code connectctl reconcile} in a child JVM; its output goes to {@code NAME.out/.err}.
   */
  private Process reconcile(String name, String... extra) throws IOException {
    Path dir = home.resolve("connectors");
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve("a-one.yaml"),
          "name: a-one\nconfig:\n  connector.class: " + SINK + "\n  topics: t\n");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ConnectCtl.class.getName(),
                "reconcile",
                "-f",
                dir.toString(),
                "--state-dir",
                home.resolve("state").toString(),
                "--vendor",
                "kafka-connect",
                "--url",
                "http://127.0.0.1:" + worker.getAddress().getPort()));
    command.addAll(List.of(extra));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CONNECTCTL_CONFIG", home.resolve("absent.yaml").toString());
    builder.environment().put("HOME", home.toString());
    builder.redirectOutput(home.resolve(name + ".out").toFile());
    builder.redirectError(home.resolve(name + ".err").toFile());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private String output(String name) {
    try {
      return Files.readString(home.resolve(name + ".out"))
          + "\n---\n"
          + Files.readString(home.resolve(name + ".err"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private int exitOf(Process process, String name) throws InterruptedException {
    assertTrue(
        process.waitFor(60, TimeUnit.SECONDS), () -> name + " did not end:\n" + output(name));
    return process.exitValue();
  }

  @ParameterizedTest
  @CsvSource({"TERM", "INT"})
  void aSignalFinishesTheRequestInFlightLogsStoppedExitsZeroAndReleasesTheLock(String signal)
      throws Exception {
    Process first = reconcile("first", "--interval", "200ms");
    Eventually.within(Duration.ofSeconds(60))
        .every(Duration.ofMillis(50))
        .untilAsserted(
            "the first cycle is logged",
            () -> {
              assertTrue(first.isAlive(), () -> "reconcile ended early:\n" + output("first"));
              String out = Files.readString(home.resolve("first.out"));
              assertTrue(out.contains(" started "), out);
              assertTrue(out.contains(" cycle 1 contexts, "), out);
            });
    assertTrue(connectors.containsKey("a-one"), connectors::toString);

    // while it runs, the context is locked
    Process locked = reconcile("locked", "--once");
    assertEquals(ExitCode.LOCKED, exitOf(locked, "locked"), () -> output("locked"));
    assertTrue(output("locked").contains("another reconcile already works on context"));

    // the next cycle's listing is held by the worker: the signal comes with a request in flight
    holdListing = true;
    assertTrue(held.await(60, TimeUnit.SECONDS), () -> "no held listing:\n" + output("first"));
    Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(first.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(first.isAlive(), () -> "ended before its request finished:\n" + output("first"));
    holdListing = false;
    release.countDown();

    assertEquals(0, exitOf(first, "first"), () -> output("first"));
    List<String> lines = Files.readString(home.resolve("first.out")).lines().toList();
    assertTrue(
        lines.get(lines.size() - 1).endsWith(" stopped finished the work in flight"),
        () -> output("first"));
    assertFalse(output("first").contains("Exception"), () -> output("first"));

    // the lock went with it: a second instance on the same context runs
    Process next = reconcile("next", "--once");
    assertEquals(0, exitOf(next, "next"), () -> output("next"));
  }
}
