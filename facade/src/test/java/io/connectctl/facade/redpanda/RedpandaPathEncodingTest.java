package io.connectctl.facade.redpanda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.testing.MockServerTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a connector name contains, it travels as exactly one percent-encoded path segment. */
class RedpandaPathEncodingTest extends MockServerTest {
  private static final String PREFIX = "/v1/kafka-connect/clusters/redpanda/connectors/";
  private static final String STATUS =
      "{\"status\":{\"name\":\"n\",\"type\":\"sink\",\"connector\":{\"state\":\"RUNNING\"},"
          + "\"tasks\":[],\"holistic_state\":\"CONNECTOR_HOLISTIC_STATE_HEALTHY\"}}";
  private static final String CONNECTOR =
      "{\"connector\":{\"name\":\"n\",\"config\":{},\"tasks\":[],\"type\":\"sink\"}}";

  private RedpandaConnectorClient client;

  @BeforeEach
  void start() {
    client = redpandaClient("test-redpanda-token");
  }

  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of("a/b", "a%2Fb"),
        Arguments.of("a b", "a%20b"),
        Arguments.of("100%", "100%25"),
        Arguments.of("...", "..."),
        Arguments.of("..a", "..a"),
        Arguments.of("../status", "..%2Fstatus"),
        Arguments.of("a/../b", "a%2F..%2Fb"),
        Arguments.of("zürich-orders", "z%C3%BCrich-orders"),
        Arguments.of("a?b#c&d=e", "a%3Fb%23c%26d%3De"),
        Arguments.of("a/b ..%ü", "a%2Fb%20..%25%C3%BC"),
        Arguments.of("orders.v2_sink-~", "orders.v2_sink-~"));
  }

  private RecordedRequest answer(
      String body, BiConsumer<RedpandaConnectorClient, String> call, String name)
      throws InterruptedException {
    answerJson(body);
    call.accept(client, name);
    return server.takeRequest(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("names")
  void everyOperationSendsTheNameAsOneSegment(String name, String encoded)
      throws InterruptedException {
    Map<String, RecordedRequest> sent =
        Map.of(
            "GET /status", answer(STATUS, RedpandaConnectorClient::status, name),
            "GET ", answer(CONNECTOR, RedpandaConnectorClient::getConnector, name),
            "PUT /pause", answer("{}", RedpandaConnectorClient::pause, name),
            "PUT /resume", answer("{}", RedpandaConnectorClient::resume, name),
            "PUT /stop", answer("{}", RedpandaConnectorClient::stop, name),
            "DELETE ", answer("", RedpandaConnectorClient::delete, name),
            "PUT /config", answer(CONNECTOR, (c, n) -> c.updateConfig(n, Map.of("k", "v")), name),
            "POST /restart",
                answer("", (c, n) -> c.restart(n, RestartOptions.CONNECTOR_ONLY), name),
            "GET /topics", answer("{\"topics\":[]}", RedpandaConnectorClient::topics, name));

    sent.forEach(
        (operation, request) -> {
          String method = operation.substring(0, operation.indexOf(' '));
          String suffix = operation.substring(operation.indexOf(' ') + 1);
          assertEquals(method, request.getMethod(), operation);
          assertEquals(PREFIX + encoded + suffix, request.getPath(), operation);
        });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("names")
  void createSendsTheNameInTheBodyOnly(String name, String encoded) throws InterruptedException {
    server.enqueue(
        new MockResponse()
            .setResponseCode(201)
            .setHeader("Content-Type", "application/json")
            .setBody(CONNECTOR));
    client.create(new ConnectorDefinition(name, Map.of("connector.class", "x")));
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals(PREFIX.substring(0, PREFIX.length() - 1), request.getPath());
    assertEquals(
        "{\"name\":\"" + name.replace("\"", "\\\"") + "\",\"config\":{\"connector.class\":\"x\"}}",
        request.getBody().readUtf8());
  }

  /**
   * {@code .} and {@code ..} cannot be sent at all: even as {@code %2E%2E}, OkHttp resolves them as
   * relative segments and Retrofit refuses them, so they are refused up front as a bad name.
   */
  @ParameterizedTest
  @ValueSource(strings = {".", ".."})
  void dotSegmentsAreRefusedBeforeSending(String name) {
    for (Executable call :
        List.<Executable>of(
            () -> client.status(name),
            () -> client.getConnector(name),
            () -> client.pause(name),
            () -> client.delete(name),
            () -> client.updateConfig(name, Map.of("k", "v")),
            () -> client.create(new ConnectorDefinition(name, Map.of("k", "v"))))) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
      assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
      assertEquals("name", e.violations().get(0).field());
    }
    assertEquals(0, server.getRequestCount());
  }
}
