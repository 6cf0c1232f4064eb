package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.Redaction;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.InvalidRequestException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connector of a type the Yandex spec does not know (Yandex adds types over time) is listed, read
 * and followed like any other, with type UNKNOWN; changing its config is refused.
 */
class YandexUnknownConnectorTypeTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private MockWebServer server;
  private OkHttpClient callerClient;
  private YandexConnectorClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    callerClient = new OkHttpClient();
    client =
        YandexConnectorClient.builder()
            .baseUrl(server.url("/").toString())
            .operationsUrl(server.url("/op/").toString())
            .clusterId("cid1")
            .credentials(StaticCredentials.bearer("t1.test"))
            .retryPolicy(RetryPolicy.none())
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
            .okHttpClient(callerClient)
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
    callerClient.dispatcher().executorService().shutdown();
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  @Test
  void theListingHoldsEveryConnectorWithTheUnknownOneTypedUnknown() {
    server.enqueue(
        json(
            "{\"connectors\": ["
                + YandexFixtures.MIRRORMAKER
                + ","
                + YandexFixtures.JDBC_SINK
                + ","
                + YandexFixtures.S3_SINK
                + "]}"));

    List<ConnectorListing> listing = client.listConnectors().toList();

    assertEquals(
        List.of("replicate-orders", "orders-to-postgres", "orders-to-s3"),
        listing.stream().map(ConnectorListing::name).toList());
    ConnectorListing jdbc = listing.get(1);
    assertEquals(ConnectorType.UNKNOWN, jdbc.connector().type());
    assertEquals(ConnectorType.UNKNOWN, jdbc.status().type());
    assertEquals(ConnectorState.RUNNING, jdbc.status().state());
    assertEquals("RUNNING", jdbc.status().vendorState());
    Map<String, String> details = jdbc.status().vendorDetails();
    assertEquals("ALIVE", details.get("health"));
    assertEquals(
        "jdbc:postgresql://db:5432/shop", details.get("connectorConfigJdbcSink.connectionUrl"));
    assertEquals(Redaction.REDACTED, details.get("connectorConfigJdbcSink.connectionPassword"));
    assertFalse(details.containsValue("hunter2"));
    assertEquals("orders", jdbc.connector().config().get("connectorConfigJdbcSink.topics"));
    assertEquals(ConnectorType.SOURCE, listing.get(0).connector().type());
  }

  @Test
  void statusOfTheUnknownConnectorHasItsNameAndState() {
    server.enqueue(json(YandexFixtures.JDBC_SINK));

    ConnectorStatus status = client.status("orders-to-postgres");

    assertEquals("orders-to-postgres", status.name());
    assertEquals(ConnectorState.RUNNING, status.state());
    assertEquals(ConnectorType.UNKNOWN, status.type());
  }

  @Test
  void aFinishedOperationCarryingTheUnknownConnectorEndsWithItsStatus() throws Exception {
    server.enqueue(json(operation(false, "")));
    server.enqueue(
        json(
            operation(
                true,
                "\"response\": "
                    + YandexFixtures.JDBC_SINK
                        .replace("\"RUNNING\"", "\"PAUSED\"")
                        .replaceFirst(
                            "\\{",
                            "{\"@type\": \"type.googleapis.com/yandex.cloud.mdb.kafka.v1.Connector\","))));

    ChangeResult result = client.pause("orders-to-postgres").await(TIMEOUT);

    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals(ConnectorType.UNKNOWN, result.status().orElseThrow().type());
  }

  @Test
  void changingTheConfigOfTheUnknownConnectorIsRefusedBeforeThePatch() throws Exception {
    server.enqueue(json(YandexFixtures.JDBC_SINK));

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                client.updateConfig(
                    "orders-to-postgres",
                    YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.S3_SINK))));

    assertTrue(
        e.getMessage().contains("'orders-to-postgres' is of a type connectctl does not know"),
        e.getMessage());
    assertTrue(e.getMessage().contains("connectorConfigJdbcSink"), e.getMessage());
    assertEquals("GET", server.takeRequest().getMethod());
    assertEquals(1, server.getRequestCount(), "nothing is sent after the read");
  }

  private static String operation(boolean done, String outcome) {
    return """
        {"id": "op1", "description": "Pause connector", "createdAt": "2025-03-15T11:04:52.118Z",
         "createdBy": "u1", "modifiedAt": "2025-03-15T11:04:52.118Z", "done": %s,
         "metadata": {"@type": "type.googleapis.com/yandex.cloud.mdb.kafka.v1.PauseConnectorMetadata"}%s}
        """
        .formatted(done, outcome.isEmpty() ? "" : ", " + outcome);
  }
}
