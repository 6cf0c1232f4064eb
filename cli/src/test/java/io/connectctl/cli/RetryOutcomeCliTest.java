package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the CLI reports when a request's outcome was not what its last answer says: a delete whose
 * first answer was lost and whose retry found the connector gone is deleted (exit 0), a first 404
 * is still not found (exit 4); and a worker's list of config errors prints one error per line.
 */
class RetryOutcomeCliTest {
  @TempDir Path home;

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--vendor", "kafka-connect", "--url", server.url("/").toString()));
    return CliRun.run(Map.of(), home, new VendorClientFactory(), all.toArray(String[]::new));
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse notFound() {
    return json(404, "{\"error_code\":404,\"message\":\"Connector orders not found\"}");
  }

  @Test
  void aDeleteWhoseAnswerWasLostAndWhoseRetryFoundItGoneIsDeleted() {
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    server.enqueue(notFound());

    CliRun run = cli("delete", "orders");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        "connector/orders deleted (the first attempt's answer was lost; the retry found it gone)",
        run.out().strip());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aDeleteAnsweredNotFoundAtOnceIsNotFound() {
    server.enqueue(notFound());

    CliRun run = cli("delete", "orders");

    assertEquals(4, run.exitCode(), run::toString);
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aWorkersListOfConfigErrorsPrintsOneErrorPerLine() throws IOException {
    server.enqueue(
        json(
            400,
            "{\"error_code\":400,\"message\":\"Connector configuration is invalid and contains the"
                + " following 2 error(s):\\nInvalid value x for configuration tasks.max: Not a"
                + " number of type INT\\nInvalid value null for configuration topics: must be"
                + " set\\nYou can also find the above list of errors at the endpoint"
                + " `/connector-plugins/{connectorType}/config/validate`\"}"));
    Path config =
        Files.writeString(
            home.resolve("orders.yaml"), "connector.class: FileStreamSink\ntasks.max: x\n");

    CliRun run = cli("config", "set", "orders", "-f", config.toString());

    assertEquals(1, run.exitCode(), run::toString);
    List<String> lines = run.errLines();
    assertEquals(3, lines.size(), run::toString);
    assertTrue(lines.get(0).startsWith("error: set config of connector 'orders'"), run::toString);
    assertTrue(lines.get(0).endsWith("contains the following 2 error(s):"), run::toString);
    assertEquals(
        "  Invalid value x for configuration tasks.max: Not a number of type INT", lines.get(1));
    assertEquals("  Invalid value null for configuration topics: must be set", lines.get(2));
  }
}
