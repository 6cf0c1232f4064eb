package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.NotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A write whose first attempt's answer is lost (the connection drops after the request arrived) and
 * whose retry finds the work done: a delete retried into 404 is deleted, a create retried into 409
 * with the same config is created. The same answers to a first attempt stay failures.
 */
class LostAnswerTest {
  private static final Map<String, String> CONFIG =
      Map.of("connector.class", "FileStreamSink", "topics", "orders", "tasks.max", "1");

  private MockWebServer server;
  private KafkaConnectConnectorClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    client =
        KafkaConnectConnectorClient.builder()
            .url(server.url("/").toString())
            .retryPolicy(
                new RetryPolicy(
                    3, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(10), 0))
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(50)))
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  private static MockResponse dropped() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  private static MockResponse notFound() {
    return json(404, "{\"error_code\":404,\"message\":\"Connector orders not found\"}");
  }

  private static MockResponse exists() {
    return json(409, "{\"error_code\":409,\"message\":\"Connector orders already exists\"}");
  }

  private static MockResponse existing(Map<String, String> config) {
    StringBuilder body = new StringBuilder("{\"name\":\"orders\",\"config\":{");
    config.forEach((k, v) -> body.append('"').append(k).append("\":\"").append(v).append("\","));
    body.append("\"name\":\"orders\"},\"tasks\":[],\"type\":\"sink\"}");
    return json(200, body.toString());
  }

  @Test
  void aDeleteRetriedIntoNotFoundAfterALostAnswerIsDeleted() throws Exception {
    server.enqueue(dropped());
    server.enqueue(notFound());
    server.enqueue(notFound()); // the wait's status read: gone

    PendingChange change = client.delete("orders");

    assertEquals("the first attempt's answer was lost; the retry found it gone", change.note());
    assertTrue(change.await(Duration.ofSeconds(5)).status().isEmpty());
    assertEquals("DELETE", server.takeRequest().getMethod());
    assertEquals("DELETE", server.takeRequest().getMethod());
  }

  @Test
  void aDeleteAnsweredNotFoundAtOnceIsStillNotFound() {
    server.enqueue(notFound());

    assertThrows(NotFoundException.class, () -> client.delete("orders"));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aCreateRetriedIntoAlreadyExistsWithTheSameConfigIsCreated() throws Exception {
    server.enqueue(dropped());
    server.enqueue(exists());
    server.enqueue(existing(CONFIG));

    PendingChange change = client.create(new ConnectorDefinition("orders", CONFIG));

    assertEquals("the first attempt's answer was lost; the retry found it created", change.note());
    assertEquals("POST", server.takeRequest().getMethod());
    assertEquals("POST", server.takeRequest().getMethod());
    assertEquals("/connectors/orders", server.takeRequest().getPath());
  }

  @Test
  void aCreateRetriedIntoAnotherConfigIsAConflict() {
    server.enqueue(dropped());
    server.enqueue(exists());
    server.enqueue(existing(Map.of("connector.class", "FileStreamSink", "topics", "other")));

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> client.create(new ConnectorDefinition("orders", CONFIG)));
    assertTrue(e.getMessage().contains("already there with a different config"), e.getMessage());
  }

  @Test
  void aCreateAnsweredAlreadyExistsAtOnceIsStillAConflict() {
    server.enqueue(exists());

    assertThrows(
        ConflictException.class, () -> client.create(new ConnectorDefinition("orders", CONFIG)));
    assertEquals(1, server.getRequestCount());
  }
}
