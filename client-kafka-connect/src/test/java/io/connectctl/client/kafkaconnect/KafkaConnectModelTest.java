package io.connectctl.client.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import io.connectctl.client.kafkaconnect.api.ClusterApi;
import io.connectctl.client.kafkaconnect.api.ConnectorsApi;
import io.connectctl.client.kafkaconnect.api.OffsetsApi;
import io.connectctl.client.kafkaconnect.model.ConnectorInfo;
import io.connectctl.client.kafkaconnect.model.ConnectorOffsetChange;
import io.connectctl.client.kafkaconnect.model.ConnectorOffsetsChange;
import io.connectctl.client.kafkaconnect.model.ConnectorState;
import io.connectctl.client.kafkaconnect.model.ConnectorStatus;
import io.connectctl.client.kafkaconnect.model.CreateConnectorRequest;
import io.connectctl.client.kafkaconnect.model.ExpandedConnector;
import io.connectctl.client.kafkaconnect.model.LoggerLevel;
import io.connectctl.client.runtime.GeneratedClients;
import io.connectctl.client.runtime.ModelJson;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Kafka Connect models as a real 4.1.1 worker sends them, and request bodies as the worker needs
 * them.
 */
class KafkaConnectModelTest {
  private final JsonAdapter<ConnectorStatus> status =
      ModelJson.moshi().adapter(ConnectorStatus.class);

  @Test
  void statusWithPluginVersionAndUnknownStateParses() throws IOException {
    ConnectorStatus parsed =
        status.fromJson(
            """
        {"name":"orders","connector":{"state":"RUNNING","worker_id":"127.0.0.1:8083","version":"4.1.1"},
         "tasks":[{"id":0,"state":"DRAINING","worker_id":"127.0.0.1:8083","version":"4.1.1","trace":"boom"}],
         "type":"source","future_field":1}""");
    assertEquals(ConnectorState.RUNNING, parsed.connector().state());
    assertEquals("4.1.1", parsed.connector().version());
    assertEquals("DRAINING", parsed.tasks().get(0).state().value());
    assertFalse(parsed.tasks().get(0).state().isKnown());
    assertEquals("boom", parsed.tasks().get(0).trace());
  }

  @Test
  void statusOfANewConnectorWithoutTasksOrWorkerParses() throws IOException {
    ConnectorStatus parsed =
        status.fromJson(
            """
        {"name":"orders","connector":{"state":"UNASSIGNED"}}""");
    assertTrue(parsed.tasks().isEmpty());
    assertNull(parsed.connector().workerId());
    assertNull(parsed.type());
  }

  @Test
  void missingTaskIdIsAnErrorNamingModelAndField() {
    JsonDataException e =
        assertThrows(
            JsonDataException.class,
            () ->
                status.fromJson(
                    """
        {"name":"orders","connector":{"state":"RUNNING"},"tasks":[{"state":"RUNNING"}]}"""));
    assertTrue(e.getMessage().contains("TaskState.id"), e.getMessage());
  }

  @Test
  void expandedListingDecodesAsAMapOfParts() throws IOException {
    Type type = Types.newParameterizedType(Map.class, String.class, ExpandedConnector.class);
    JsonAdapter<Map<String, ExpandedConnector>> adapter = ModelJson.moshi().adapter(type);
    Map<String, ExpandedConnector> listing =
        adapter.fromJson(
            """
        {"a":{"status":{"name":"a","connector":{"state":"PAUSED","worker_id":"w"},"tasks":[],"type":"sink"},
              "info":{"name":"a","config":{"connector.class":"FileStreamSink","name":"a"},"tasks":[],"type":"sink"}},
         "b":{}}""");
    assertEquals(ConnectorState.PAUSED, listing.get("a").status().connector().state());
    assertEquals("FileStreamSink", listing.get("a").info().config().get("connector.class"));
    assertNull(listing.get("b").status());
  }

  @Test
  void loggerLastModifiedIsANumberOrNull() throws IOException {
    JsonAdapter<LoggerLevel> adapter = ModelJson.moshi().adapter(LoggerLevel.class);
    assertEquals(
        1796017528016L,
        adapter.fromJson("{\"level\":\"DEBUG\",\"last_modified\":1796017528016}").lastModified());
    assertNull(adapter.fromJson("{\"level\":\"INFO\",\"last_modified\":null}").lastModified());
  }

  @Test
  void configPatchKeepsNullsSoTheWorkerRemovesTheKey() throws IOException {
    Map<String, String> patch = new LinkedHashMap<>();
    patch.put("tasks.max", "2");
    patch.put("batch.size", null);
    Captured sent =
        new Captured(
            "{\"name\":\"orders\",\"config\":{\"name\":\"orders\"},\"tasks\":[],\"type\":\"source\"}");
    ConnectorInfo info =
        sent.api(ConnectorsApi.class).patchConnectorConfig("orders", patch).execute().body();
    assertEquals("{\"tasks.max\":\"2\",\"batch.size\":null}", sent.body());
    assertEquals("PATCH", sent.method());
    assertEquals("/connectors/orders/config", sent.path());
    assertEquals("orders", info.name());
  }

  @Test
  void offsetsAlterKeepsANullOffsetSoTheWorkerForgetsThePartition() throws IOException {
    Map<String, Object> sinkPartition = new LinkedHashMap<>();
    sinkPartition.put("kafka_topic", "orders");
    sinkPartition.put("kafka_partition", 0);
    ConnectorOffsetsChange change =
        new ConnectorOffsetsChange(
            List.of(
                new ConnectorOffsetChange(Map.of("filename", "/data/old.txt"), null),
                new ConnectorOffsetChange(sinkPartition, Map.of("kafka_offset", 5))));
    Captured sent =
        new Captured(
            "{\"message\":\"The offsets for this connector have been altered successfully\"}");
    sent.api(OffsetsApi.class).alterConnectorOffsets("orders", change).execute();
    assertEquals(
        "{\"offsets\":[{\"partition\":{\"filename\":\"/data/old.txt\"},\"offset\":null},"
            + "{\"partition\":{\"kafka_topic\":\"orders\",\"kafka_partition\":0},\"offset\":{\"kafka_offset\":5}}]}",
        sent.body());
  }

  @Test
  void otherBodiesLeaveNullsOutBecauseTheWorkerRejectsUnknownOrNullFields() throws IOException {
    Captured sent =
        new Captured("{\"name\":\"orders\",\"config\":{},\"tasks\":[],\"type\":\"source\"}");
    sent.api(ConnectorsApi.class)
        .createConnector(
            new CreateConnectorRequest(
                "orders", Map.of("connector.class", "FileStreamSource"), null))
        .execute();
    assertEquals(
        "{\"name\":\"orders\",\"config\":{\"connector.class\":\"FileStreamSource\"}}", sent.body());
  }

  @Test
  void serverInfoIsReadFromTheBaseUrlItself() throws IOException {
    Captured sent =
        new Captured(
            "{\"version\":\"4.1.1\",\"commit\":\"be816b82d25370ce\",\"kafka_cluster_id\":\"P4q\"}");
    assertEquals("4.1.1", sent.api(ClusterApi.class).getServerInfo().execute().body().version());
    assertEquals("/", sent.path());
  }

  @Test
  void repeatedExpandParameterIsSentOncePerValue() throws IOException {
    Captured sent = new Captured("{}");
    sent.api(ConnectorsApi.class).listConnectors(List.of("status", "info")).execute();
    assertEquals("expand=status&expand=info", sent.query());
  }

  /** Answers every call with one canned body and keeps the request it got, without any network. */
  private static final class Captured {
    private final String answer;
    private final List<Request> requests = new ArrayList<>();

    Captured(String answer) {
      this.answer = answer;
    }

    <T> T api(Class<T> type) {
      OkHttpClient client =
          new OkHttpClient.Builder()
              .addInterceptor(
                  chain -> {
                    requests.add(chain.request());
                    return new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(answer, MediaType.get("application/json")))
                        .build();
                  })
              .build();
      return GeneratedClients.retrofit(HttpUrl.get("http://worker.invalid:8083"), client)
          .create(type);
    }

    String body() throws IOException {
      Buffer buffer = new Buffer();
      requests.get(0).body().writeTo(buffer);
      return buffer.readUtf8();
    }

    String method() {
      return requests.get(0).method();
    }

    String path() {
      return requests.get(0).url().encodedPath();
    }

    String query() {
      return requests.get(0).url().encodedQuery();
    }
  }
}
