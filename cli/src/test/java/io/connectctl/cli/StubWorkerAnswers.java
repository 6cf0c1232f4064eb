package io.connectctl.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answers of the small stand-in workers that tests start for a child connectctl JVM
 * (interrupts, signals): one sink connector class, bodies written out as Kafka Connect sends them.
 */
final class StubWorkerAnswers {
  /** The connector class of every connector these workers report. */
  static final String SINK = "org.example.Sink";

  private StubWorkerAnswers() {}

  /** {@code GET /connectors/NAME}: a sink with topic {@code t} and no tasks. */
  static String info(String name) {
    return "{\"name\":\""
        + name
        + "\",\"type\":\"sink\",\"config\":{\"connector.class\":\""
        + SINK
        + "\",\"topics\":\"t\",\"name\":\""
        + name
        + "\"},\"tasks\":[]}";
  }

  /** {@code GET /connectors/NAME/status}: the connector in {@code state}, no tasks. */
  static String status(String name, String state) {
    return "{\"name\":\""
        + name
        + "\",\"type\":\"sink\",\"connector\":{\"state\":\""
        + state
        + "\",\"worker_id\":\"w1:8083\"},\"tasks\":[]}";
  }

  /** Sends {@code body} as JSON with {@code status} (no body when it is empty) and closes. */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
