package io.connectctl.facade.confluent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.testing.MockServerTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What goes over the wire, and answers Prism cannot give (unknown states, odd bodies), with
 * MockWebServer.
 */
class ConfluentWireTest extends MockServerTest {
  private static final String PREFIX = "/connect/v1/environments/env-a1b2c3/clusters/lkc-x9y8z7";
  private static final String STATUS =
      """
      {"name":"n","type":"sink","connector":{"state":"%s","worker_id":"n","trace":""},
       "tasks":[{"id":0,"state":"%s","worker_id":"n","msg":"m"}]}""";

  private ConfluentConnectorClient client;

  @BeforeEach
  void start() {
    client = confluentClient("wire-secret");
  }

  @Test
  void sendsHttpBasicWithKeyAndSecret() throws InterruptedException {
    answerJson("[]");

    client.plugins();

    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("TESTKEY:wire-secret".getBytes(StandardCharsets.UTF_8));
    assertEquals(expected, server.takeRequest(5, TimeUnit.SECONDS).getHeader("Authorization"));
  }

  @Test
  void unknownStatesParseAndKeepTheirRawText() {
    answerJson(STATUS.formatted("HIBERNATING", "WARMING_UP"));

    ConnectorStatus s = client.status("n");

    assertEquals(ConnectorState.UNKNOWN, s.state());
    assertEquals("HIBERNATING", s.vendorState());
    assertEquals(ConnectorState.UNKNOWN, s.tasks().get(0).state());
    assertEquals("WARMING_UP", s.tasks().get(0).vendorState());
    assertEquals("m", s.tasks().get(0).trace());
  }

  @Test
  void anExpandedEntryWithoutInfoOrStatusStillLists() {
    answerJson(
        """
        {"a":{"id":{"id":"lcc-1","id_type":"ID"}},
         "b":{"status":{"name":"b","type":"source","connector":{"state":"NONE","worker_id":"b"}}}}""");

    List<ConnectorListing> all = client.listConnectors().toList();

    assertEquals(List.of("a", "b"), all.stream().map(ConnectorListing::name).toList());
    assertEquals(ConnectorState.UNKNOWN, all.get(0).status().state());
    assertEquals(Map.of(), all.get(0).connector().config());
    assertEquals(ConnectorState.UNKNOWN, all.get(1).status().state());
    assertEquals("NONE", all.get(1).status().vendorState());
  }

  @Test
  void anExpandedEntryMissingARequiredFieldIsAnUnexpectedBody() {
    answerJson(
        """
        {"a":{"status":{"name":"a","type":"sink"}}}""");

    ServerErrorException e =
        assertThrows(ServerErrorException.class, () -> client.listConnectors().toList());

    assertTrue(
        e.getMessage().contains("list connectors in environment env-a1b2c3, cluster lkc-x9y8z7"),
        e.getMessage());
    assertTrue(e.getMessage().contains("connector"), e.getMessage());
  }

  @Test
  void everyConnectorOperationSendsTheNameAsOneEncodedSegment() throws InterruptedException {
    String name = "a/b c%?ü";
    String segment = "a%2Fb%20c%25%3F%C3%BC";
    List<String> paths = new ArrayList<>();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            String body;
            if (path.endsWith("/status")) {
              body = STATUS.formatted("RUNNING", "RUNNING");
            } else if (path.endsWith("/tasks")) {
              body = "[]";
            } else if (path.endsWith("/offsets")) {
              body = "{\"name\":\"x\",\"id\":\"lcc-1\",\"offsets\":[]}";
            } else if (request.getMethod().equals("DELETE")) {
              body = "{\"error\":null}";
            } else if (path.endsWith("/config") || request.getMethod().equals("GET")) {
              body = "{\"name\":\"x\",\"config\":{}}";
            } else {
              return new MockResponse().setResponseCode(202);
            }
            return new MockResponse().setBody(body).setHeader("Content-Type", "application/json");
          }
        });

    client.getConnector(name);
    client.status(name);
    client.tasks(name);
    client.offsets(name);
    client.updateConfig(name, Map.of("connector.class", "S3_SINK"));
    client.pause(name);
    client.resume(name);
    client.restart(name, RestartOptions.CONNECTOR_ONLY);
    client.delete(name);
    for (int i = 0; i < 9; i++) {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      paths.add(request.getMethod() + " " + request.getPath());
    }

    String connector = PREFIX + "/connectors/" + segment;
    assertEquals(
        List.of(
            "GET " + connector,
            "GET " + connector + "/status",
            "GET " + connector + "/tasks",
            "GET " + connector + "/offsets",
            "PUT " + connector + "/config",
            "PUT " + connector + "/pause",
            "PUT " + connector + "/resume",
            "POST " + connector + "/restart",
            "DELETE " + connector),
        paths);
    assertEquals(9, server.getRequestCount());
  }

  @Test
  void createSendsTheNameInTheBodyNotThePath() throws InterruptedException {
    answerJson("{\"name\":\"a/b\",\"config\":{}}");

    client.create(new ConnectorDefinition("a/b", Map.of("connector.class", "S3_SINK")));

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST " + PREFIX + "/connectors", request.getMethod() + " " + request.getPath());
    String body = request.getBody().readUtf8();
    assertTrue(body.contains("\"name\":\"a/b\""), body);
    assertTrue(
        body.contains("\"config\":{\"connector.class\":\"S3_SINK\",\"name\":\"a/b\"}"), body);
  }

  @Test
  void closingLeavesACallerSuppliedOkHttpClientUsable() throws IOException {
    OkHttpClient mine = new OkHttpClient();
    ConfluentConnectorClient borrowed =
        ConfluentConnectorClient.builder()
            .baseUrl(server.url("/").toString())
            .environment("env-a1b2c3")
            .kafkaCluster("lkc-x9y8z7")
            .credentials(StaticCredentials.basic("TESTKEY", "wire-secret"))
            .okHttpClient(mine)
            .build();

    borrowed.close();

    assertFalse(mine.dispatcher().executorService().isShutdown());
    answerJson("[]");
    try (okhttp3.Response response =
        mine.newCall(new okhttp3.Request.Builder().url(server.url("/")).build()).execute()) {
      assertEquals(200, response.code());
    }
    mine.dispatcher().executorService().shutdown();
  }
}
