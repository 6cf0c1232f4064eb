package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 5: {@code diff} exits 0 or 1 only when it compared; a server error while it reads a
 * connector exits 6, an authentication failure 3, never 1.
 */
class DiffFailureExitTest {
  @TempDir Path home;

  private HttpServer server;
  private final OkHttpClient http = new OkHttpClient();

  /** What the worker answers to reading connector {@code orders-sink}: status and body. */
  private volatile int status = 500;

  private final List<String> reads = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    reads.add(exchange.getRequestMethod() + " " + path);
    int code;
    String body;
    if (path.startsWith("/connectors/orders-sink")) {
      code = status;
      body = "{\"error_code\":" + code + ",\"message\":\"worker broke while reading\"}";
    } else if (path.equals("/connectors")) {
      code = 200;
      body = "{}";
    } else {
      code = 404;
      body = "{\"error_code\":404,\"message\":\"no such path\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private CliRun diff(String... extra) throws IOException {
    Path file =
        Files.writeString(
            home.resolve("orders-sink.yaml"),
            "name: orders-sink\nconfig:\n  connector.class: io.example.Sink\n  topics: orders\n");
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "diff",
                "-f",
                file.toString(),
                "--vendor",
                "kafka-connect",
                "--url",
                "http://127.0.0.1:" + server.getAddress().getPort()));
    args.addAll(List.of(extra));
    return CliRun.run(
        Map.of("CONNECTCTL_CONFIG", home.resolve("absent.yaml").toString()),
        home,
        new VendorClientFactory(http),
        args.toArray(String[]::new));
  }

  @Test
  void aServerErrorWhileReadingAConnectorIsNotAPendingChange() throws IOException {
    CliRun run = diff();
    assertEquals(ExitCode.COMPARISON_FAILED, run.exitCode(), run::toString);
    assertEquals(6, run.exitCode(), "the documented code");
    assertTrue(run.err().contains("error:"), run::toString);
    assertTrue(run.err().contains("worker broke while reading"), run::toString);
    assertFalse(run.err().contains("Exception"), run::toString);
    assertTrue(
        reads.stream().anyMatch(r -> r.contains("/connectors/orders-sink")), reads::toString);
    assertFalse(run.out().contains("connector/orders-sink"), () -> "no change shown:\n" + run);

    CliRun json = diff("-o", "json");
    assertEquals(6, json.exitCode(), json::toString);
  }

  @Test
  void kindsWithTheirOwnCodeKeepIt() throws IOException {
    status = 401;
    assertEquals(ExitCode.AUTH, diff().exitCode());
    status = 403;
    assertEquals(ExitCode.AUTH, diff().exitCode());
  }

  @Test
  void aComparisonThatWasMadeStillExitsZeroOrOne() throws IOException {
    status = 404;
    CliRun run = diff();
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.out().contains("+ connector/orders-sink (create)"), run::toString);
  }

  @Test
  void otherCommandsKeepExitOneForTheSameFailure() {
    CliRun run =
        CliRun.run(
            Map.of("CONNECTCTL_CONFIG", home.resolve("absent.yaml").toString()),
            home,
            new VendorClientFactory(http),
            "describe",
            "orders-sink",
            "--vendor",
            "kafka-connect",
            "--url",
            "http://127.0.0.1:" + server.getAddress().getPort());
    assertEquals(1, run.exitCode(), run::toString);
  }
}
