package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.client.runtime.PathSegmentEncoding;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.FieldViolation;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.RequestRefusedException;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a real Kafka Connect 4.1.1 worker (a local cluster of its own, started once for this class
 * and stopped after it, since the connectors it orphans cannot be deleted) does with the names and
 * configs the facade checks before sending (issue 22 items 3 and 4). For each refused character
 * class, plain HTTP shows the worker creating the connector and then refusing to address it by the
 * name it was given (so without the check it is orphaned), and the facade refuses the name before
 * sending anything. A config the worker refuses gives field violations.
 */
class KafkaConnectRealWorkerChecksTest {
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalCluster cluster;
  private static String url;
  private static KafkaConnectConnectorClient client;

  @BeforeAll
  static void startWorker() {
    cluster =
        LocalCluster.builder(Path.of("target", "real-worker-checks").toAbsolutePath())
            .kafkaLib(LocalClusterExtension.kafkaLib())
            .tiedToCaller(true)
            .build();
    cluster.stop();
    LocalClusterExtension.deleteRecursively(cluster.dataDir());
    url = cluster.start().connectUrl();
    client =
        KafkaConnectConnectorClient.builder()
            .baseUrl(url)
            .credentials(StaticCredentials.none())
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterAll
  static void stopWorker() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.stop();
    }
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, String> sink(String name) {
    return Map.of(
        "connector.class",
        SINK,
        "tasks.max",
        "1",
        "topics",
        "names-" + Integer.toHexString(name.hashCode()),
        "file",
        "/dev/null");
  }

  /** The worker's listing, as raw JSON text of names (a name is looked for as its JSON string). */
  private static String listing() throws IOException, InterruptedException {
    HttpResponse<String> list = send("GET", "/connectors", null);
    assertEquals(200, list.statusCode(), list.body());
    return list.body();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // name       | listed as   | what the worker answers a request naming it
        "slash/name   | slash/name  | 400",
        "back\\slash  | back\\slash | 400",
        "per%cent     | per%cent    | 400",
        "enc%2Fslash  | enc%2Fslash | 400",
        "' leading'   | leading     | 404",
        "'trailing '  | trailing    | 404",
      })
  void theWorkerCreatesButCannotAddressTheNameAndTheFacadeRefusesIt(
      String name, String listedAs, int readStatus) throws Exception {
    String body = "{\"name\":" + quoted(name) + ",\"config\":{";
    StringBuilder config = new StringBuilder();
    sink(name)
        .forEach(
            (k, v) ->
                config
                    .append(config.isEmpty() ? "" : ",")
                    .append(quoted(k))
                    .append(':')
                    .append(quoted(v)));
    body += config + "}}";
    String segment = "/connectors/" + PathSegmentEncoding.encode(name);
    try {
      // without the check: created ...
      HttpResponse<String> created = send("POST", "/connectors", body);
      assertEquals(201, created.statusCode(), created.body());
      assertTrue(listing().contains(quoted(listedAs)), listing());
      // ... but never again reachable by its name: read and delete both fail
      HttpResponse<String> read = send("GET", segment + "/config", null);
      assertEquals(readStatus, read.statusCode(), read.body());
      HttpResponse<String> delete = send("DELETE", segment, null);
      assertEquals(readStatus, delete.statusCode(), delete.body());
      assertTrue(listing().contains(quoted(listedAs)), "still there: orphaned");

      // with it: refused before anything is sent, naming the connector
      RequestRefusedException refused =
          assertThrows(
              RequestRefusedException.class,
              () -> client.create(new ConnectorDefinition(name, sink(name))));
      assertTrue(
          refused.getMessage().contains("Connector name '" + name + "'"), refused.getMessage());
    } finally {
      // only a name the worker trimmed can be removed (by the trimmed name); the others stay
      // orphaned until the cluster is stopped
      if (!listedAs.equals(name)) {
        send("DELETE", "/connectors/" + PathSegmentEncoding.encode(listedAs), null);
      }
    }
  }

  @Test
  void aBraceIsCreatedButTheCreateIsAnswered500AndTheFacadeRefusesIt() throws Exception {
    String name = "brace{x}";
    String config =
        "{\"connector.class\":"
            + quoted(SINK)
            + ",\"topics\":\"names-brace\",\"file\":\"/dev/null\"}";
    try {
      HttpResponse<String> created =
          send("POST", "/connectors", "{\"name\":" + quoted(name) + ",\"config\":" + config + "}");
      assertEquals(500, created.statusCode(), created.body());
      assertTrue(listing().contains(quoted(name)), "created although the answer was 500");

      assertThrows(
          RequestRefusedException.class,
          () -> client.create(new ConnectorDefinition(name, sink(name))));
    } finally {
      send("DELETE", "/connectors/" + PathSegmentEncoding.encode(name), null);
    }
  }

  @Test
  void namesWithOtherPunctuationAreServedAndPassTheCheck() throws Exception {
    for (String name : List.of("semi;colon", "ques?tion#hash", "dots..inside", "a b\u00a0c")) {
      try {
        client.create(new ConnectorDefinition(name, sink(name)));
        assertEquals(name, client.getConnector(name).name());
      } finally {
        client.delete(name);
      }
    }
  }

  @Test
  void aConfigTheWorkerRefusesGivesOneViolationPerListedError() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                client.create(
                    new ConnectorDefinition(
                        "bad-tasks-max",
                        Map.of(
                            "connector.class",
                            SINK,
                            "tasks.max",
                            "x",
                            "file",
                            "/dev/null",
                            "connection.password",
                            "s3cr3t-never-shown"))));

    assertEquals(400, e.httpStatus());
    assertEquals(
        List.of(
            new FieldViolation("tasks.max", "Not a number of type INT"),
            new FieldViolation("tasks.max", "Value must be non-null"),
            new FieldViolation("", "Must configure one of topics or topics.regex")),
        e.violations());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t-never-shown"), e.getMessage());
  }
}
