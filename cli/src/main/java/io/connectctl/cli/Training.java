package io.connectctl.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not API: the training run that records the class-data archive ({@code -XX:ArchiveClassesAtExit},
 * JDK 17) or ahead-of-time cache ({@code -XX:AOTCacheOutput}, JDK 24+) the {@code ./connectctl}
 * script starts the CLI with. A JVM started from such an archive finds, already parsed and
 * verified, the classes the training loaded, so the run should load what a real command loads: this
 * one serves a few answers of the Redpanda and Kafka Connect APIs from a loopback server inside the
 * JVM and runs typical commands against it (listing, status, describe, JSON output, a listing
 * across two contexts, a 404, a refused connection, {@code --version}, a usage error), with every
 * output discarded.
 *
 * <p>It never fails the build or the script: a command that ends with an error is part of the
 * training.
 */
public final class Training {
  private static final String CLUSTER = "/v1/kafka-connect/clusters/redpanda/connectors";

  private static final String REDPANDA_STATUS =
      """
      {"name":"orders","type":"sink",
       "connector":{"state":"RUNNING","worker_id":"10.0.0.1:8083","trace":""},
       "tasks":[{"id":0,"state":"RUNNING","worker_id":"10.0.0.1:8083","trace":""},
                {"id":1,"state":"FAILED","worker_id":"10.0.0.2:8083",
                 "trace":"org.apache.kafka.connect.errors.ConnectException: denied\\n\\tat X"}],
       "holistic_state":"CONNECTOR_HOLISTIC_STATE_DEGRADED","errors":[]}""";

  private static final String REDPANDA_INFO =
      """
      {"name":"orders","type":"sink",
       "config":{"connector.class":"org.example.SinkConnector","name":"orders",
                 "tasks.max":"2","topics":"orders","password":"training"},
       "tasks":[{"connector":"orders","task":0},{"connector":"orders","task":1}]}""";

  private static final String REDPANDA_LIST =
      "{\"connectors\":[{\"name\":\"orders\",\"info\":"
          + REDPANDA_INFO
          + ",\"status\":"
          + REDPANDA_STATUS
          + "}],\"next_page_token\":\"\"}";

  private static final String KAFKA_CONNECT_STATUS =
      """
      {"name":"orders","type":"source",
       "connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083","version":"4.1.1"},
       "tasks":[{"id":0,"state":"RUNNING","worker_id":"127.0.0.1:8083","version":"4.1.1"}]}""";

  private static final String KAFKA_CONNECT_LIST =
      """
      {"orders":{"info":{"name":"orders","type":"source",
        "config":{"connector.class":"FileStreamSource","name":"orders","topic":"orders",
                  "file":"/tmp/in.txt"},
        "tasks":[{"connector":"orders","task":0}]},"status":%s}}"""
          .formatted(KAFKA_CONNECT_STATUS);

  private Training() {}

  /** Runs the training commands; the arguments are ignored. */
  public static void main(String[] args) throws IOException {
    run();
  }

  /** Runs the training commands and returns their exit codes, in order. */
  static List<Integer> run() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", Training::answer);
    server.start();
    Path home = Files.createTempDirectory("connectctl-training");
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
      // two contexts, for a command across contexts (the fleet's classes)
      Path config = home.resolve("config.yaml");
      Files.writeString(
          config,
          """
          contexts:
            redpanda:
              vendor: redpanda
              url: %1$s
            self-managed:
              vendor: kafka-connect
              url: %1$s
          """
              .formatted(url),
          StandardCharsets.UTF_8);
      CliEnvironment environment =
          new CliEnvironment(
              Map.of(
                  "REDPANDA_TOKEN",
                  "training",
                  "HOME",
                  home.toString(),
                  "CONNECTCTL_CONFIG",
                  config.toString()),
              home,
              home,
              nowhere,
              nowhere,
              new VendorClientFactory());
      String redpanda = "--vendor=redpanda";
      String kafkaConnect = "--vendor=kafka-connect";
      List<List<String>> commands =
          List.of(
              List.of("--version"),
              List.of("get", "connectors", redpanda, "--url", url),
              List.of("status", "orders", redpanda, "--url", url),
              List.of("describe", "orders", redpanda, "--url", url, "-o", "yaml"),
              List.of("config", "get", "orders", redpanda, "--url", url),
              List.of("status", "missing", redpanda, "--url", url),
              List.of("get", "connectors", kafkaConnect, "--url", url, "-o", "json"),
              List.of("status", "orders", kafkaConnect, "--url", url),
              List.of("get", "connectors", "--all-contexts", "-o", "json"),
              List.of("get", "connectors", redpanda, "--url", "http://127.0.0.1:9"),
              List.of("get", "connectors", "--output", "xml"));
      List<Integer> exits = new java.util.ArrayList<>();
      for (List<String> command : commands) {
        exits.add(new ConnectCtl(environment).run(command.toArray(String[]::new)));
      }
      return exits;
    } finally {
      server.stop(0);
      try (var files = Files.walk(home)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(Training::delete);
      }
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status = 200;
    String body;
    if (path.equals(CLUSTER)) {
      body = REDPANDA_LIST;
    } else if (path.equals(CLUSTER + "/orders/status")) {
      body = "{\"status\":" + REDPANDA_STATUS + "}";
    } else if (path.equals(CLUSTER + "/orders")) {
      body = "{\"connector\":" + REDPANDA_INFO + "}";
    } else if (path.equals(CLUSTER + "/orders/config")) {
      body = "{\"config\":{\"connector.class\":\"org.example.SinkConnector\",\"name\":\"orders\"}}";
    } else if (path.equals("/")) {
      body = "{\"version\":\"4.1.1\",\"commit\":\"training\",\"kafka_cluster_id\":\"training\"}";
    } else if (path.equals("/connectors")) {
      body = KAFKA_CONNECT_LIST;
    } else if (path.equals("/connectors/orders/status")) {
      body = KAFKA_CONNECT_STATUS;
    } else if (path.startsWith("/v1/")) {
      status = 404;
      body = "{\"code\":5,\"message\":\"connector not found\",\"details\":[]}";
    } else {
      status = 404;
      body = "{\"error_code\":404,\"message\":\"Connector missing not found\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
