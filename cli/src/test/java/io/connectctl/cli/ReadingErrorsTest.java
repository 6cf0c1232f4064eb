package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 8: an error line says what failed once, and a web server's HTML error page is
 * shown as its status and title. The worker is a stand-in on loopback answering as Kafka Connect
 * (and its Jetty) do.
 */
class ReadingErrorsTest {
  private static final String JETTY_PAGE =
      "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=ISO-8859-1\"/>\n"
          + "<title>Error 400 Ambiguous URI path separator</title>\n</head>\n<body><h2>HTTP ERROR 400 "
          + "Ambiguous URI path separator</h2>\n</body>\n</html>\n";

  @TempDir Path home;

  private HttpServer server;
  private String url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status;
    String type;
    String body;
    if (path.startsWith("/connectors/odd")) {
      status = 400;
      type = "text/html;charset=iso-8859-1";
      body = JETTY_PAGE;
    } else {
      status = 404;
      type = "application/json";
      body = "{\"error_code\":404,\"message\":\"No status found for connector ghost\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private CliRun status(String name) {
    return CliRun.run(
        Map.of(),
        home,
        new VendorClientFactory(),
        "status",
        name,
        "--vendor",
        "kafka-connect",
        "--url",
        url);
  }

  @Test
  void anErrorSaysWhatFailedOnce() {
    CliRun run = status("ghost");
    assertEquals(4, run.exitCode(), run::toString);
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run::toString);
    String line = lines.get(0);
    assertTrue(line.startsWith("error: get status of connector 'ghost'"), line);
    assertTrue(line.contains("failed: HTTP 404: No status found for connector ghost"), line);
    assertEquals(1, line.split("failed", -1).length - 1, "'failed' once: " + line);
    assertEquals(1, line.split("kafka-connect", -1).length - 1, "the vendor once: " + line);
  }

  @Test
  void anHtmlErrorPageShowsItsStatusAndTitle() {
    CliRun run = status("odd");
    assertEquals(1, run.exitCode(), run::toString);
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run::toString);
    assertTrue(
        lines.get(0).endsWith("failed: HTTP 400: Error 400 Ambiguous URI path separator"),
        run::toString);
    assertFalse(run.err().contains("<"), run::toString);
  }
}
