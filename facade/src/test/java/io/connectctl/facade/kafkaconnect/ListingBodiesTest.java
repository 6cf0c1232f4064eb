package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.BulkResult;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.NotFoundException;
import java.io.IOException;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector listing read in one pass ({@code internal/KeyedListings}): what is asked for, the
 * shapes a worker may answer with, and bodies that are not a listing.
 */
class ListingBodiesTest {
  private static final String STATUS =
      """
      {"name":"%s","connector":{"state":"%s","worker_id":"w:8083"},
       "tasks":[{"id":0,"state":"RUNNING","worker_id":"w:8083"}],"type":"sink"}""";

  private MockWebServer server;
  private KafkaConnectConnectorClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    client =
        KafkaConnectConnectorClient.builder()
            .url(server.url("/").toString())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.shutdown();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(body));
  }

  private static String status(String name, String state) {
    return STATUS.formatted(name, state);
  }

  @Test
  void statusesAreAskedForWithoutDefinitionsAndSortedByName() throws Exception {
    answer(
        "{\"zeta\":{\"status\":"
            + status("zeta", "PAUSED")
            + ",\"added_later\":{\"x\":1}},\"alpha\":{\"status\":"
            + status("alpha", "RUNNING")
            + "}}");

    List<ConnectorStatus> statuses = client.listStatuses().toList();

    assertEquals(List.of("alpha", "zeta"), statuses.stream().map(ConnectorStatus::name).toList());
    assertEquals(ConnectorState.RUNNING, statuses.get(0).state());
    assertEquals(ConnectorState.PAUSED, statuses.get(1).state());
    assertEquals(ConnectorType.SINK, statuses.get(1).type());
    RecordedRequest request = server.takeRequest();
    assertEquals("/connectors?expand=status", request.getPath());
  }

  @Test
  void theFullListingAsksForBothParts() throws Exception {
    answer(
        "{\"orders\":{\"status\":"
            + status("orders", "RUNNING")
            + ",\"info\":{\"name\":\"orders\",\"type\":\"sink\",\"config\":{\"topics\":\"o\"},"
            + "\"tasks\":[]}}}");

    List<ConnectorListing> listings = client.listConnectors().toList();

    assertEquals(1, listings.size());
    assertEquals("o", listings.get(0).connector().config().get("topics"));
    assertEquals(ConnectorState.RUNNING, listings.get(0).status().state());
    assertEquals("/connectors?expand=status&expand=info", server.takeRequest().getPath());
  }

  @Test
  void anEntryWithoutItsStatusReadsAsUnknownAndNoConnectorsAsEmpty() {
    answer("{\"orders\":{}}");
    ConnectorStatus orders = client.listStatuses().toList().get(0);
    assertEquals("orders", orders.name());
    assertEquals(ConnectorState.UNKNOWN, orders.state());

    answer("{}");
    assertEquals(List.of(), client.listStatuses().toList());
    answer("[]");
    assertEquals(List.of(), client.listConnectors().toList());
  }

  @Test
  void aBodyThatIsNoListingIsAMalformedAnswerNamingTheCall() {
    for (String body :
        List.of(
            "[\"orders\"]",
            "{\"orders\":null}",
            "{\"orders\":{\"status\":{\"name\":7}}",
            "{\"orders\":{}} {}")) {
      answer(body);
      ConnectCloudException e =
          assertThrows(ConnectCloudException.class, () -> client.listStatuses().toList(), body);
      assertEquals(ErrorKind.UNEXPECTED_RESPONSE, e.kind(), body);
      assertTrue(e.getMessage().contains("list connectors"), e.getMessage());
    }
  }

  private static String info(String name) {
    return "{\"name\":\""
        + name
        + "\",\"type\":\"sink\",\"config\":{\"topics\":\"t-"
        + name
        + "\"},\"tasks\":[]}";
  }

  private static List<String> names(int count) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("c" + i);
    }
    return names;
  }

  @Test
  void manyDefinitionsComeFromOneListingAndAMissingOneIsNotFound() throws Exception {
    List<String> names = names(12);
    StringBuilder body = new StringBuilder("{");
    for (String name : names.subList(0, 11)) { // c11 does not exist
      body.append(body.length() > 1 ? "," : "")
          .append('"')
          .append(name)
          .append("\":{\"info\":")
          .append(info(name))
          .append('}');
    }
    answer(body.append('}').toString());

    BulkResult<Connector> read = client.getConnectors(names);

    assertEquals(names, read.items().stream().map(BulkResult.Item::connector).toList());
    assertEquals("t-c0", read.items().get(0).value().orElseThrow().config().get("topics"));
    assertEquals("t-c10", read.items().get(10).value().orElseThrow().config().get("topics"));
    assertTrue(read.items().get(11).error().orElseThrow() instanceof NotFoundException);
    assertEquals(1, server.getRequestCount(), "one request for twelve names");
    assertEquals("/connectors?expand=info", server.takeRequest().getPath());
  }

  @Test
  void fewDefinitionsAreReadOneByOne() throws Exception {
    for (String name : names(3)) {
      answer(info(name));
    }

    BulkResult<Connector> read = client.getConnectors(names(3));

    assertTrue(read.allSucceeded(), read::toString);
    assertEquals(3, server.getRequestCount());
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (int i = 0; i < 3; i++) {
      paths.add(server.takeRequest().getPath());
    }
    assertEquals(java.util.Set.of("/connectors/c0", "/connectors/c1", "/connectors/c2"), paths);
  }

  @Test
  void aFailedListingFailsEveryName() {
    server.enqueue(
        new MockResponse()
            .setResponseCode(500)
            .setHeader("Content-Type", "application/json")
            .setBody("{\"error_code\":500,\"message\":\"worker busy\"}"));

    BulkResult<Connector> read = client.getConnectors(names(10));

    assertEquals(10, read.failures().size());
    assertEquals(ErrorKind.SERVER_ERROR, read.items().get(9).error().orElseThrow().kind());
    assertEquals(1, server.getRequestCount());
  }
}
