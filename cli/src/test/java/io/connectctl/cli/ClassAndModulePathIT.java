package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The packaged CLI (its jar and its runtime dependencies, not the shaded jar) started in a child
 * JVM, once on the class path and once on the module path, where the facade is a named module that
 * exports only its API and the CLI an automatic module. Run by the cli module's {@code module-path}
 * surefire execution after {@code package}, not by the unit-test run.
 */
class ClassAndModulePathIT {
  /**
   * One connector, as a Kafka Connect worker lists it with {@code ?expand=status&expand=info} (the
   * answer to any listing here: a reader takes the parts it asked for).
   */
  private static final String LISTING =
      """
      {"demo": {
        "status": {"name": "demo", "type": "source",
          "connector": {"state": "RUNNING", "worker_id": "w1:8083"},
          "tasks": [{"id": 0, "state": "RUNNING", "worker_id": "w1:8083"}]},
        "info": {"name": "demo", "type": "source",
          "config": {"connector.class": "org.example.Demo", "tasks.max": "1"},
          "tasks": [{"connector": "demo", "task": 0}]}}}
      """;

  private static HttpServer worker;
  private static final List<String> requests = new CopyOnWriteArrayList<>();
  private static String jar;
  private static String dependencies;

  @TempDir static Path home;

  /** How the child JVM finds the CLI. */
  enum Launch {
    CLASS_PATH,
    MODULE_PATH
  }

  @BeforeAll
  static void start() throws IOException {
    jar = System.getProperty("connectctl.cli.jar");
    // -Dtest=ClassAndModulePathIT also selects it for the unit-test run, before the jar exists
    assumeTrue(jar != null, "runs in the cli module's module-path execution, after package");
    assertTrue(Files.isRegularFile(Path.of(jar)), "the cli jar is built first: " + jar);
    dependencies =
        Files.readString(Path.of(System.getProperty("connectctl.cli.runtime.classpath"))).strip();
    worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    worker.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          boolean listing =
              exchange.getRequestMethod().equals("GET")
                  && exchange.getRequestURI().getPath().equals("/connectors");
          byte[] body =
              (listing ? LISTING : "{\"error_code\": 404, \"message\": \"no route\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(listing ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    worker.start();
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.stop(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Launch.class)
  void versionPrintsTheVersionAndExitsZero(Launch launch) throws Exception {
    Run run = connectctl(launch, "--version");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.stdout().startsWith("connectctl "), run.toString());
    assertEquals("", run.stderr(), run.toString());
  }

  @ParameterizedTest
  @EnumSource(Launch.class)
  void getConnectorsListsTheWorkersConnectors(Launch launch) throws Exception {
    String url = "http://127.0.0.1:" + worker.getAddress().getPort();
    Run run = connectctl(launch, "get", "connectors", "--vendor", "kafka-connect", "--url", url);
    assertEquals(0, run.exitCode(), run.toString());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(2, lines.size(), run.toString());
    assertEquals(List.of("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS"), words(lines.get(0)));
    assertEquals(List.of("demo", "source", "RUNNING", "RUNNING", "1/1"), words(lines.get(1)));
    // statuses are all the table needs: the worker is not asked for the definitions
    assertTrue(requests.contains("GET /connectors?expand=status"), requests.toString());
  }

  @ParameterizedTest
  @EnumSource(Launch.class)
  void anUnreachableWorkerIsAnErrorWithExitCodeOne(Launch launch) throws Exception {
    // a loopback port nothing listens on
    Run run =
        connectctl(
            launch,
            "get",
            "connectors",
            "--vendor",
            "kafka-connect",
            "--url",
            "http://127.0.0.1:9");
    assertEquals(1, run.exitCode(), run.toString());
    assertEquals("", run.stdout(), run.toString());
    assertTrue(run.stderr().startsWith("error: kafka-connect: list connectors"), run.toString());
  }

  private static List<String> words(String line) {
    return List.of(line.trim().split("\\s+"));
  }

  private record Run(int exitCode, String stdout, String stderr) {}

  private static Run connectctl(Launch launch, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String all = jar + File.pathSeparator + dependencies;
    if (launch == Launch.CLASS_PATH) {
      command.addAll(List.of("--class-path", all, "io.connectctl.cli.ConnectCtl"));
    } else {
      // The CLI is an automatic module: it names no dependencies, so every module on the path is
      // added to the graph (picocli, SnakeYAML, the facade ...).
      command.addAll(
          List.of(
              "--module-path",
              all,
              "--add-modules",
              "ALL-MODULE-PATH",
              "--module",
              "io.connectctl.cli/io.connectctl.cli.ConnectCtl"));
    }
    command.addAll(List.of(args));
    Path stderr = Files.createTempFile(home, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("CONNECTCTL_") || k.startsWith("KAFKA_CONNECT_"));
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    Process process = builder.start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "connectctl " + String.join(" ", args));
    return new Run(process.exitValue(), stdout, Files.readString(stderr));
  }
}
