package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoints the facade does not call, straight over HTTP through the validating proxies:
 * Redpanda's cluster listing, paging and topic reset, Confluent's offsets requests and config
 * validation, Yandex's listing pages.
 */
class GatewayRawApiTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static Sandbox sandbox;
  static WorkerView worker;
  static Path input;

  @BeforeAll
  static void connectors() throws IOException {
    sandbox = SANDBOX.sandbox();
    worker = new WorkerView(sandbox.worker);
    input = Files.write(dir.resolve("raw-input.txt"), List.of("a", "b"));
    for (String name : List.of("raw-a", "raw-b", "raw-c")) {
      worker.call(
          "POST",
          "/connectors",
          Json.map(
              "name",
              name,
              "config",
              Json.map(
                  "connector.class",
                  "org.apache.kafka.connect.file.FileStreamSourceConnector",
                  "tasks.max",
                  "1",
                  "file",
                  input.toString(),
                  "topic",
                  "raw-lines")));
    }
    for (String name : List.of("raw-a", "raw-b", "raw-c")) {
      worker.await(
          name,
          s -> "RUNNING".equals(worker.state(name)) && !worker.taskStates(name).isEmpty(),
          WAIT);
    }
  }

  @AfterAll
  static void cleanUp() {
    for (String name : List.of("raw-a", "raw-b", "raw-c")) {
      worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
    }
  }

  @Test
  void redpandaClustersPagingAndTopicReset() throws Exception {
    String base = sandbox.redpandaProxy.url() + "/v1/kafka-connect/clusters";
    Map<String, Object> clusters = Json.obj(Json.parse(call("GET", base, null, bearer(), 200)));
    Map<String, Object> cluster = Json.obj(Json.list(clusters.get("clusters")).get(0));
    assertEquals("redpanda", cluster.get("name"));
    assertEquals(sandbox.worker.url(), cluster.get("address"));
    assertEquals("4.1.1", Json.obj(cluster.get("info")).get("version"));

    List<String> names = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      Map<String, Object> page =
          Json.obj(
              Json.parse(
                  call(
                      "GET",
                      base
                          + "/redpanda/connectors?page_size=1"
                          + (token.isEmpty() ? "" : "&page_token=" + token),
                      null,
                      bearer(),
                      200)));
      List<Object> items = Json.list(page.get("connectors"));
      assertTrue(items.size() <= 1);
      items.forEach(i -> names.add(Json.str(Json.obj(i).get("name"))));
      token = Json.str(page.get("next_page_token"));
      pages++;
    } while (!token.isEmpty() && pages < 100);
    assertTrue(names.containsAll(List.of("raw-a", "raw-b", "raw-c")), names::toString);
    assertEquals(names.stream().sorted().toList(), names);
    assertEquals(names.size(), pages);

    String topics = base + "/redpanda/connectors/raw-a/topics";
    awaitBody(topics, bearer(), "raw-lines");
    worker.call("PUT", ConnectWorker.connectorPath("raw-a", "/stop"), null);
    worker.await("raw-a", s -> "STOPPED".equals(worker.state("raw-a")), WAIT);
    call("PUT", topics + "/reset", null, bearer(), 200);
    // The worker applies the reset through its status topic: the list empties moments later, not at
    // once.
    List<?> left =
        Eventually.within(WAIT)
            .until(
                "the active topics emptied by the reset",
                () ->
                    Json.list(
                        Json.obj(Json.parse(call("GET", topics, null, bearer(), 200)))
                            .get("topics")),
                List::isEmpty);
    assertEquals(List.of(), left);

    call("GET", base + "/no-such-cluster", null, bearer(), 404);
    // Without credentials Prism itself refuses the request (a request violation), so the gateway's
    // own answer is
    // read directly.
    Map<String, Object> unauthenticated =
        Json.obj(
            Json.parse(
                call(
                    "GET",
                    sandbox.redpanda.url() + "/v1/kafka-connect/clusters/redpanda/connectors",
                    null,
                    Map.of(),
                    401)));
    assertEquals("UNAUTHENTICATED", unauthenticated.get("code"));
  }

  @Test
  void redpandaSecretsAreKeptAndNeverShown() throws Exception {
    String secrets = sandbox.redpandaProxy.url() + "/v1/kafka-connect/clusters/redpanda/secrets";
    String data =
        Base64.getEncoder().encodeToString("{\"database.password\":\"raw-pg-pass\"}".getBytes());
    String created =
        call(
            "POST",
            secrets,
            Json.map("name", "raw-pg", "secret_data", data, "labels", Json.map("owner", "tests")),
            bearer(),
            201);
    assertFalse(created.contains(data), created);
    assertEquals("raw-pg", Json.obj(Json.obj(Json.parse(created)).get("secret")).get("id"));
    call("POST", secrets, Json.map("name", "raw-pg", "secret_data", data), bearer(), 409);
    String read = call("GET", secrets + "/raw-pg", null, bearer(), 200);
    assertFalse(read.contains(data) || read.contains("raw-pg-pass"), read);
    String listed = call("GET", secrets + "?filter.name_contains=raw-", null, bearer(), 200);
    assertTrue(listed.contains("raw-pg"), listed);
    assertFalse(
        call("GET", secrets + "?filter.name_contains=nothing-like-it", null, bearer(), 200)
            .contains("raw-pg"));
    String updated =
        call(
            "PUT",
            secrets + "/raw-pg",
            Json.map("secret_data", data, "labels", Json.map("owner", "platform")),
            bearer(),
            200);
    assertTrue(updated.contains("platform"), updated);
    call("DELETE", secrets + "/raw-pg", null, bearer(), 204);
    call("GET", secrets + "/raw-pg", null, bearer(), 404);
  }

  @Test
  void confluentOffsetsRequestStopsResetsAndResumes() throws Exception {
    String base =
        sandbox.confluentProxy.url()
            + "/connect/v1/environments/"
            + sandbox.confluent.environmentId()
            + "/clusters/"
            + sandbox.confluent.clusterId();
    String offsets = base + "/connectors/raw-b/offsets";
    awaitBody(offsets, basic(), "position");
    Map<String, Object> accepted =
        Json.obj(
            Json.parse(
                call("POST", offsets + "/request", Json.map("type", "DELETE"), basic(), 202)));
    assertEquals("DELETE", accepted.get("type"));
    assertEquals("raw-b", accepted.get("name"));
    Map<String, Object> status =
        Eventually.within(WAIT)
            .every(Duration.ofMillis(300))
            .until(
                "the offsets request no longer PENDING",
                () ->
                    Json.obj(
                        Json.parse(call("GET", offsets + "/request/status", null, basic(), 200))),
                s -> !"PENDING".equals(Json.obj(s.get("status")).get("phase")));
    assertEquals("APPLIED", Json.obj(status.get("status")).get("phase"), status::toString);
    assertFalse(Json.list(status.get("previous_offsets")).isEmpty(), status::toString);
    // Reset on the worker itself, and the connector runs again (it re-reads its file from the
    // start).
    worker.await("raw-b", s -> "RUNNING".equals(worker.state("raw-b")), WAIT);

    Map<String, Object> validation =
        Json.obj(
            Json.parse(
                call(
                    "PUT",
                    base + "/connector-plugins/FileStreamSinkConnector/config/validate",
                    Json.map(
                        "connector.class",
                        "org.apache.kafka.connect.file.FileStreamSinkConnector",
                        "name",
                        "raw-check",
                        "topics",
                        "x"),
                    basic(),
                    200)));
    assertEquals(0L, validation.get("error_count"), validation::toString);
    call("GET", base + "/connectors/no-such/status", null, basic(), 404);
    Map<String, Object> unauthorized =
        Json.obj(
            Json.parse(
                call(
                    "GET",
                    sandbox.confluent.url()
                        + "/connect/v1/environments/env-local/clusters/lkc-local/connectors",
                    null,
                    Map.of(),
                    401)));
    assertEquals(401L, Json.obj(unauthorized.get("error")).get("code"));
  }

  @Test
  void yandexPagesAndErrors() throws Exception {
    String base =
        sandbox.yandexProxy.url() + "/managed-kafka/v1/clusters/" + sandbox.yandex.clusterId();
    Map<String, Object> empty =
        Json.obj(Json.parse(call("GET", base + "/connectors?pageSize=1", null, bearer(), 200)));
    assertFalse(
        empty.containsKey("nextPageToken") && Json.list(empty.get("connectors")).isEmpty(),
        empty::toString);
    Map<String, Object> missing =
        Json.obj(Json.parse(call("GET", base + "/connectors/no-such", null, bearer(), 404)));
    assertEquals(5L, missing.get("code"));
    call(
        "GET",
        sandbox.yandexProxy.url() + "/operations/c9qnosuchoperation000",
        null,
        bearer(),
        404);
    Map<String, Object> unauthenticated =
        Json.obj(
            Json.parse(
                call(
                    "GET",
                    sandbox.yandex.url()
                        + "/managed-kafka/v1/clusters/"
                        + sandbox.yandex.clusterId()
                        + "/connectors",
                    null,
                    Map.of(),
                    401)));
    assertEquals(16L, unauthenticated.get("code"));
  }

  private static Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer raw-token");
  }

  private static Map<String, String> basic() {
    return Map.of(
        "Authorization",
        "Basic " + Base64.getEncoder().encodeToString("RAWKEY:raw-secret".getBytes()));
  }

  private static void awaitBody(String url, Map<String, String> headers, String expected)
      throws Exception {
    String body =
        Eventually.within(WAIT)
            .every(Duration.ofMillis(300))
            .until(
                url + " answering with " + expected,
                () -> call("GET", url, null, headers, 200),
                b -> b.contains(expected));
    assertTrue(body.contains(expected), body);
  }

  private static String call(
      String method, String url, Object body, Map<String, String> headers, int expected)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Json.write(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(
        expected, response.statusCode(), () -> method + " " + url + ": " + response.body());
    return response.body();
  }
}
