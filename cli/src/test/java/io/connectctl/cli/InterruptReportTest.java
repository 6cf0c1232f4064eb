package io.connectctl.cli;

import static io.connectctl.cli.StubWorkerAnswers.SINK;
import static io.connectctl.cli.StubWorkerAnswers.info;
import static io.connectctl.cli.StubWorkerAnswers.respond;
import static io.connectctl.cli.StubWorkerAnswers.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
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
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 20 item 2: the CLI in a child JVM (this test's class path), stopped by SIGINT or SIGTERM
 * while a fake Kafka Connect worker holds some of its requests, says what became of each connector,
 * keeps {@code -o json} one valid array and exits 130 or 143.
 *
 * <p>The worker answers at once for some connectors and never for others ({@link #HELD}); the
 * signal is sent once it has received the requests that show where the run is: with four connectors
 * changed at a time, a request for a fifth or sixth name is only sent after an earlier one has
 * finished, so when all held requests have arrived, everything before them is settled.
 */
class InterruptReportTest {

  /** Connectors whose write the worker never answers. */
  private static final List<String> HELD = List.of("c-held", "d-held", "e-held", "f-held");

  @TempDir Path home;

  private HttpServer worker;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private Process process;

  @BeforeEach
  void startWorker() throws IOException {
    worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    worker.setExecutor(Executors.newCachedThreadPool());
    worker.createContext("/", this::handle);
    worker.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    release.countDown();
    worker.stop(0);
    ((java.util.concurrent.ExecutorService) worker.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String name = path.startsWith("/connectors/") ? path.split("/")[2] : nameIn(body);
    requests.add(method + " " + path + (name.isEmpty() ? "" : " " + name));
    boolean write = !method.equals("GET");
    if (write && HELD.contains(name)) {
      try {
        release.await(); // held until the test ends: the outcome stays unknown to the CLI
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (method.equals("GET") && path.equals("/")) {
      respond(exchange, 200, "{\"version\":\"3.8.0\",\"commit\":\"x\",\"kafka_cluster_id\":\"k\"}");
    } else if (method.equals("GET") && path.equals("/connectors")) {
      respond(
          exchange,
          200,
          "{\"u-unchanged\": {\"status\": "
              + status("u-unchanged", "RUNNING")
              + ", \"info\": "
              + info("u-unchanged")
              + "}}");
    } else if (method.equals("GET") && path.equals("/connectors/u-unchanged")) {
      respond(exchange, 200, info("u-unchanged"));
    } else if (method.equals("GET") && path.equals("/connectors/u-unchanged/config")) {
      respond(exchange, 200, "{\"connector.class\":\"" + SINK + "\",\"topics\":\"t\"}");
    } else if (method.equals("GET") && path.endsWith("/status")) {
      // b-paused reaches PAUSED at once; the others stay RUNNING, so a wait for them never ends
      respond(exchange, 200, status(name, name.equals("b-paused") ? "PAUSED" : "RUNNING"));
    } else if (method.equals("PUT") && path.endsWith("/pause")) {
      if (name.equals("x-missing")) {
        respond(
            exchange, 404, "{\"error_code\":404,\"message\":\"Connector x-missing not found\"}");
      } else {
        respond(exchange, 202, "");
      }
    } else if (method.equals("POST") && path.equals("/connectors")) {
      if (name.equals("b-invalid")) {
        respond(
            exchange,
            400,
            "{\"error_code\":400,\"message\":\"Connector configuration is invalid\"}");
      } else {
        respond(exchange, 201, info(name));
      }
    } else {
      respond(exchange, 404, "{\"error_code\":404,\"message\":\"no such connector\"}");
    }
  }

  private static String nameIn(String body) {
    var m = java.util.regex.Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    return m.find() ? m.group(1) : "";
  }

  /** Starts connectctl in a child JVM against the worker. */
  private void start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ConnectCtl.class.getName());
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--vendor",
            "kafka-connect",
            "--url",
            "http://127.0.0.1:" + worker.getAddress().getPort()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("CONNECTCTL_CONFIG", home.resolve("absent.yaml").toString());
    builder.environment().put("HOME", home.toString());
    builder.redirectOutput(home.resolve("stdout.txt").toFile());
    builder.redirectError(home.resolve("stderr.txt").toFile());
    process = builder.start();
  }

  /** Waits until the worker has received a request matching each of {@code expected}. */
  private void awaitRequests(List<Predicate<String>> expected) {
    Eventually.within(Duration.ofSeconds(60))
        .every(Duration.ofMillis(50))
        .untilAsserted(
            "the worker has received the requests that show the run is midway",
            () -> {
              assertTrue(process.isAlive(), () -> "connectctl ended early:\n" + output());
              for (Predicate<String> p : expected) {
                assertTrue(requests.stream().anyMatch(p), () -> "not yet: " + requests);
              }
            });
  }

  private record Ended(int exitCode, String out, String err) {}

  private Ended signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "connectctl ends after SIG" + signal);
    return new Ended(
        process.exitValue(),
        Files.readString(home.resolve("stdout.txt")),
        Files.readString(home.resolve("stderr.txt")));
  }

  private String output() {
    try {
      return Files.readString(home.resolve("stdout.txt"))
          + "\n---\n"
          + Files.readString(home.resolve("stderr.txt"));
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static List<Map<String, Object>> array(String json) throws IOException {
    return new Moshi.Builder()
        .build()
        .<List<Map<String, Object>>>adapter(Types.newParameterizedType(List.class, Map.class))
        .fromJson(json);
  }

  private static Map<String, Map<String, Object>> byName(List<Map<String, Object>> entries) {
    Map<String, Map<String, Object>> byName = new TreeMap<>();
    entries.forEach(e -> byName.put((String) e.get("name"), e));
    return byName;
  }

  private static int code(String signal) {
    return signal.equals("INT") ? 130 : 143;
  }

  private static Predicate<String> write(String name) {
    return r -> !r.startsWith("GET") && r.endsWith(" " + name);
  }

  // Four at a time: a-waiting (accepted; its wait sees RUNNING and goes on), c-held (never
  // answered), x-missing (404, then its slot takes d-held) and b-paused (PAUSED at once, then its
  // slot takes e-held); f-held and g-later are never sent.
  private static final String[] PAUSE = {
    "pause",
    "a-waiting",
    "c-held",
    "x-missing",
    "b-paused",
    "d-held",
    "e-held",
    "f-held",
    "g-later",
    "--wait",
    "--timeout",
    "10m"
  };

  /** A second status read of a-waiting: the answer to the first one has been seen. */
  private boolean secondPoll(String request) {
    return requests.stream()
            .filter(r -> r.equals("GET /connectors/a-waiting/status a-waiting"))
            .count()
        >= 2;
  }

  private void pauseUntilMidway(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of(PAUSE));
    args.addAll(List.of(extra));
    start(args.toArray(String[]::new));
    awaitRequests(List.of(this::secondPoll, write("c-held"), write("d-held"), write("e-held")));
  }

  @ParameterizedTest
  @CsvSource({"INT", "TERM"})
  void pauseWaitInterruptedReportsEveryName(String signal) throws Exception {
    pauseUntilMidway();
    Ended ended = signal(signal);
    assertEquals(code(signal), ended.exitCode(), ended::toString);
    List<String> lines = ended.out().lines().toList();
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.startsWith(
                            "connector/a-waiting pause requested, outcome unknown (last seen: ")
                        && l.contains("RUNNING")),
        ended::toString);
    assertTrue(lines.contains("connector/b-paused paused"), ended::toString);
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("connector/x-missing pause failed: ")),
        ended::toString);
    for (String held : List.of("c-held", "d-held", "e-held")) {
      assertTrue(
          lines.contains("connector/" + held + " pause requested, outcome unknown"),
          ended::toString);
    }
    assertTrue(lines.contains("connector/f-held pause not started"), ended::toString);
    assertTrue(lines.contains("connector/g-later pause not started"), ended::toString);
    assertEquals(8, lines.size(), ended::toString);
    assertTrue(
        ended.err().contains("interrupted: 1 done, 4 requested, 1 failed, 2 not started"),
        ended::toString);
    assertFalse(ended.err().contains("Exception"), ended::toString);
  }

  @ParameterizedTest
  @CsvSource({"INT", "TERM"})
  void pauseWaitInterruptedStillPrintsOneJsonArray(String signal) throws Exception {
    pauseUntilMidway("-o", "json");
    Ended ended = signal(signal);
    assertEquals(code(signal), ended.exitCode(), ended::toString);
    Map<String, Map<String, Object>> entries = byName(array(ended.out()));
    assertEquals(8, entries.size(), ended::toString);
    assertEquals("requested", entries.get("a-waiting").get("progress"));
    assertTrue(String.valueOf(entries.get("a-waiting").get("lastSeen")).contains("RUNNING"));
    assertEquals("done", entries.get("b-paused").get("progress"));
    assertEquals(true, entries.get("b-paused").get("ok"));
    assertEquals("failed", entries.get("x-missing").get("progress"));
    assertEquals(false, entries.get("x-missing").get("ok"));
    assertTrue(entries.get("x-missing").get("error") instanceof Map<?, ?>, ended::toString);
    for (String held : List.of("c-held", "d-held", "e-held")) {
      assertEquals("requested", entries.get(held).get("progress"), held);
    }
    assertEquals("not started", entries.get("f-held").get("progress"));
    assertEquals("not started", entries.get("g-later").get("progress"));
    for (Map<String, Object> entry : entries.values()) {
      assertEquals("pause", entry.get("action"));
      assertEquals("kafka-connect", entry.get("vendor"));
      assertEquals(true, entry.get("interrupted"));
    }
  }

  private Path manifests() throws IOException {
    Path dir = Files.createDirectories(home.resolve("connectors"));
    for (String name :
        List.of(
            "a-created",
            "b-invalid",
            "c-held",
            "d-held",
            "e-held",
            "f-held",
            "g-later",
            "u-unchanged")) {
      Files.writeString(
          dir.resolve(name + ".yaml"),
          "name: " + name + "\nconfig:\n  connector.class: " + SINK + "\n  topics: t\n");
    }
    return dir;
  }

  private void applyUntilMidway(String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("apply", "-f", manifests().toString()));
    args.addAll(List.of(extra));
    start(args.toArray(String[]::new));
    awaitRequests(List.of(write("c-held"), write("d-held"), write("e-held"), write("f-held")));
  }

  @ParameterizedTest
  @CsvSource({"INT", "TERM"})
  void applyInterruptedReportsEachConnectorAndTheSummary(String signal) throws Exception {
    applyUntilMidway();
    Ended ended = signal(signal);
    assertEquals(code(signal), ended.exitCode(), ended::toString);
    List<String> lines = ended.out().lines().toList();
    assertTrue(lines.contains("connector/a-created created"), ended::toString);
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("connector/b-invalid create failed: ")),
        ended::toString);
    for (String held : HELD) {
      assertTrue(
          lines.contains("connector/" + held + " create requested, outcome unknown"),
          ended::toString);
    }
    assertTrue(lines.contains("connector/g-later create not started"), ended::toString);
    assertTrue(lines.contains("connector/u-unchanged unchanged"), ended::toString);
    assertTrue(
        ended
            .err()
            .contains(
                "1 created, 0 updated, 1 unchanged, 0 deleted, 1 failed, 4 requested,"
                    + " 1 not started (interrupted)"),
        ended::toString);
  }

  @ParameterizedTest
  @CsvSource({"INT", "TERM"})
  void applyInterruptedStillPrintsOneJsonArray(String signal) throws Exception {
    applyUntilMidway("-o", "json");
    Ended ended = signal(signal);
    assertEquals(code(signal), ended.exitCode(), ended::toString);
    Map<String, Map<String, Object>> entries = byName(array(ended.out()));
    assertEquals(8, entries.size(), ended::toString);
    assertEquals("done", entries.get("a-created").get("progress"));
    assertEquals("create", entries.get("a-created").get("action"));
    assertEquals("failed", entries.get("b-invalid").get("progress"));
    assertEquals("done", entries.get("u-unchanged").get("progress"));
    assertEquals("unchanged", entries.get("u-unchanged").get("action"));
    for (String held : HELD) {
      assertEquals("requested", entries.get(held).get("progress"), held);
    }
    assertEquals("not started", entries.get("g-later").get("progress"));
  }
}
