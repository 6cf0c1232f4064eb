package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.testing.MockServerTest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Exact requests of {@link YandexConnectorClient}, and what it refuses before sending, on a
 * MockWebServer.
 */
class YandexConnectorClientWireTest extends MockServerTest {
  private static final String NAME = "replicate-orders";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private OkHttpClient callerClient;
  private YandexConnectorClient client;

  @BeforeEach
  void start() {
    callerClient = new OkHttpClient();
    closeAfter(() -> callerClient.dispatcher().executorService().shutdown());
    client = closeAfter(builder().build());
  }

  private YandexConnectorClient.Builder builder() {
    return YandexConnectorClient.builder()
        .baseUrl(server.url("/").toString())
        .operationsUrl(server.url("/op/").toString())
        .clusterId("cid1")
        .credentials(StaticCredentials.bearer("t1.test"))
        .retryPolicy(RetryPolicy.none())
        .pollingPolicy(new PollingPolicy(Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
        .okHttpClient(callerClient);
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }

  private static String operation(boolean done, String outcome) {
    return """
        {"id": "op1", "description": "Update connector", "createdAt": "2025-03-15T11:04:52.118Z",
         "createdBy": "u1", "modifiedAt": "2025-03-15T11:04:52.118Z", "done": %s,
         "metadata": {"@type": "type.googleapis.com/yandex.cloud.mdb.kafka.v1.UpdateConnectorMetadata"}%s}
        """
        .formatted(done, outcome.isEmpty() ? "" : ", " + outcome);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(RecordedRequest request) throws IOException {
    return (Map<String, Object>)
        new Moshi.Builder().build().adapter(Object.class).fromJson(request.getBody().readUtf8());
  }

  private static Map<String, String> desired(Consumer<Map<String, String>> change) {
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.MIRRORMAKER)));
    change.accept(config);
    return config;
  }

  /** Runs an update against the MIRRORMAKER fixture and returns the PATCH request. */
  private RecordedRequest patchFor(Map<String, String> desired) throws InterruptedException {
    server.enqueue(json(YandexFixtures.MIRRORMAKER));
    server.enqueue(
        json(
            operation(
                true, "\"response\": {\"@type\": \"type.googleapis.com/google.protobuf.Empty\"}")));

    ChangeResult result = client.updateConfig(NAME, desired).await(TIMEOUT);

    assertEquals("op1", result.operationId());
    RecordedRequest get = server.takeRequest();
    assertEquals("GET", get.getMethod());
    assertNull(get.getHeader("Idempotency-Key"), "reads carry no idempotency key");
    RecordedRequest patch = server.takeRequest();
    assertEquals("PATCH", patch.getMethod());
    assertEquals("/managed-kafka/v1/clusters/cid1/connectors/" + NAME, patch.getPath());
    String key = patch.getHeader("Idempotency-Key");
    assertEquals(key, UUID.fromString(key).toString());
    return patch;
  }

  // ---- exact update masks and bodies
  // -------------------------------------------------------------------------

  @Test
  void tasksMaxOnly() throws Exception {
    RecordedRequest patch = patchFor(desired(c -> c.put("tasksMax", "6")));

    assertEquals(
        Map.of("updateMask", "connectorSpec.tasksMax", "connectorSpec", Map.of("tasksMax", "6")),
        body(patch));
  }

  @Test
  void oneProperty() throws Exception {
    RecordedRequest patch =
        patchFor(desired(c -> c.put("properties.sync.topics.config.enabled", "false")));

    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.properties",
            "connectorSpec",
            Map.of(
                "properties",
                Map.of(
                    "sync.topics.config.enabled",
                    "false",
                    "refresh.topics.interval.seconds",
                    "60"))),
        body(patch));
  }

  @Test
  void mirrormakerTopics() throws Exception {
    RecordedRequest patch =
        patchFor(desired(c -> c.put("connectorConfigMirrormaker.topics", "orders.*,refunds")));

    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec.connectorConfigMirrormaker.topics",
            "connectorSpec",
            Map.of("connectorConfigMirrormaker", Map.of("topics", "orders.*,refunds"))),
        body(patch));
  }

  @Test
  void secretRotationAndTaskChangeTogether() throws Exception {
    String password = "connectorConfigMirrormaker.sourceCluster.externalCluster.saslPassword";
    RecordedRequest patch =
        patchFor(
            desired(
                c -> {
                  c.put(password, "n3w-pa55");
                  c.put("tasksMax", "2");
                }));

    assertEquals(
        Map.of(
            "updateMask",
            "connectorSpec." + password + ",connectorSpec.tasksMax",
            "connectorSpec",
            Map.of(
                "tasksMax",
                "2",
                "connectorConfigMirrormaker",
                Map.of(
                    "sourceCluster",
                    Map.of("externalCluster", Map.of("saslPassword", "n3w-pa55"))))),
        body(patch));
  }

  @Test
  void noChangeSendsOnlyTheRead() throws Exception {
    server.enqueue(json(YandexFixtures.MIRRORMAKER));

    ChangeResult result = client.updateConfig(NAME, desired(c -> {})).await(TIMEOUT);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void unchangeableFieldIsRefusedAfterTheReadAndBeforeThePatch() {
    server.enqueue(json(YandexFixtures.S3_SINK));
    Map<String, String> config =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.S3_SINK)));
    config.put("connectorConfigS3Sink.fileCompressionType", "zstd");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class, () -> client.updateConfig("orders-to-s3", config));

    assertTrue(
        e.getMessage().contains("connectorConfigS3Sink.fileCompressionType"), e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  // ---- idempotency keys
  // -----------------------------------------------------------------------------------------

  @Test
  void everyMutationCarriesItsOwnIdempotencyKey() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          json(
              operation(
                  true,
                  "\"response\": {\"@type\": \"type.googleapis.com/google.protobuf.Empty\"}")));
    }
    client.create(new ConnectorDefinition(NAME, desired(c -> {}))).await(TIMEOUT);
    client.pause(NAME).await(TIMEOUT);
    client.resume(NAME).await(TIMEOUT);
    client.delete(NAME).await(TIMEOUT);
    client.pause(NAME).await(TIMEOUT);

    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      RecordedRequest request = server.takeRequest();
      String key = request.getHeader("Idempotency-Key");
      assertEquals(
          key, UUID.fromString(key).toString(), request.getMethod() + " " + request.getPath());
      keys.add(key);
    }
    assertEquals(5, keys.stream().distinct().count(), "a new key per call: " + keys);
  }

  @Test
  void pauseAndResumeSendAnEmptyObject() throws Exception {
    server.enqueue(
        json(
            operation(
                true, "\"response\": {\"@type\": \"type.googleapis.com/google.protobuf.Empty\"}")));

    client.pause(NAME);

    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/managed-kafka/v1/clusters/cid1/connectors/pause/" + NAME, request.getPath());
    assertEquals("{}", request.getBody().readUtf8());
  }

  // ---- operations
  // ------------------------------------------------------------------------------------------------

  @Test
  void operationsArePolledOnTheOperationsHost() throws Exception {
    server.enqueue(json(operation(false, "")));
    server.enqueue(json(operation(false, "")));
    server.enqueue(
        json(
            operation(
                true, "\"error\": {\"code\": 3, \"message\": \"tasks max must not exceed 32\"}")));
    List<String> progress = new ArrayList<>();

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class, () -> client.pause(NAME).await(TIMEOUT, progress::add));

    assertEquals("op1", e.operationId());
    assertEquals("3", e.vendorCode());
    assertEquals("tasks max must not exceed 32", e.trace());
    assertEquals(
        List.of(
            "operation running",
            "operation failed: 3 INVALID_ARGUMENT: tasks max must not exceed 32"),
        progress);
    server.takeRequest();
    RecordedRequest poll = server.takeRequest();
    assertEquals("GET", poll.getMethod());
    assertEquals("/op/operations/op1", poll.getPath());
    assertNull(poll.getHeader("Idempotency-Key"));
  }

  // ---- refused before anything is sent
  // ------------------------------------------------------------------------

  @Test
  void unsupportedOperationsThrowBeforeSending() {
    Map<Capability, Executable> calls =
        Map.ofEntries(
            Map.entry(
                Capability.RESTART, () -> client.restart(NAME, RestartOptions.CONNECTOR_ONLY)),
            Map.entry(Capability.STOP, () -> client.stop(NAME)),
            Map.entry(Capability.TASKS, () -> client.tasks(NAME)),
            Map.entry(Capability.TOPICS, () -> client.topics(NAME)),
            Map.entry(Capability.RESET_TOPICS, () -> client.resetTopics(NAME)),
            Map.entry(Capability.OFFSETS, () -> client.offsets(NAME)),
            Map.entry(Capability.PLUGINS, () -> client.plugins()),
            Map.entry(
                Capability.INITIAL_STATE,
                () ->
                    client.create(
                        new io.connectctl.facade.ConnectorDefinition(NAME, Map.of()),
                        io.connectctl.facade.ConnectorState.PAUSED)),
            Map.entry(Capability.RESTART_TASK, () -> client.restartTask(NAME, 0)),
            Map.entry(Capability.ALTER_OFFSETS, () -> client.alterOffsets(NAME, List.of())),
            Map.entry(Capability.RESET_OFFSETS, () -> client.resetOffsets(NAME)),
            Map.entry(
                Capability.VALIDATE,
                () ->
                    client.validate(new io.connectctl.facade.ConnectorDefinition(NAME, Map.of()))),
            Map.entry(Capability.LOGGERS, () -> client.loggers()));
    calls.forEach(
        (capability, call) -> {
          UnsupportedCapabilityException e =
              assertThrows(UnsupportedCapabilityException.class, call);
          assertEquals(capability, e.capability());
          assertEquals(Vendor.YANDEX, e.vendor());
        });
    assertEquals(0, server.getRequestCount());
    assertEquals(
        EnumSet.of(
            Capability.RESTART,
            Capability.RESTART_TASK_OPTIONS,
            Capability.STOP,
            Capability.TASKS,
            Capability.TOPICS,
            Capability.RESET_TOPICS,
            Capability.OFFSETS,
            Capability.PLUGINS,
            Capability.INITIAL_STATE,
            Capability.PATCH_CONFIG,
            Capability.RESTART_TASK,
            Capability.ALTER_OFFSETS,
            Capability.RESET_OFFSETS,
            Capability.VALIDATE,
            Capability.LOGGERS,
            Capability.SECRETS,
            Capability.CLUSTERS),
        client.capabilities().unsupported());
  }

  @Test
  void invalidNamesAreRefusedBeforeSending() {
    for (String bad : List.of("orders to s3", "orders/s3", "заказы", "a".repeat(257), "")) {
      List<Executable> calls =
          List.of(
              () -> client.getConnector(bad),
              () -> client.status(bad),
              () -> client.create(new ConnectorDefinition(bad, desired(c -> {}))),
              () -> client.updateConfig(bad, desired(c -> {})),
              () -> client.delete(bad),
              () -> client.pause(bad),
              () -> client.resume(bad),
              () -> client.waitFor(bad, ConnectorState.RUNNING),
              () -> client.resumeWait(bad, "op1"));
      for (Executable call : calls) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, call);
        assertEquals("name", e.violations().get(0).field());
      }
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void longestAllowedNameIsAccepted() throws Exception {
    server.enqueue(json(YandexFixtures.MIRRORMAKER));
    String longest = "a-b_c.D9".repeat(32);

    client.getConnector(longest);

    assertEquals(
        "/managed-kafka/v1/clusters/cid1/connectors/" + longest, server.takeRequest().getPath());
  }

  @Test
  void maskedValuesAreRefusedBeforeSending() {
    String password = "connectorConfigMirrormaker.sourceCluster.externalCluster.saslPassword";
    Map<String, String> config = desired(c -> c.put(password, "****"));

    InvalidRequestException update =
        assertThrows(InvalidRequestException.class, () -> client.updateConfig(NAME, config));
    InvalidRequestException create =
        assertThrows(
            InvalidRequestException.class,
            () -> client.create(new ConnectorDefinition(NAME, config)));

    assertEquals("config." + password, update.violations().get(0).field());
    assertTrue(create.getMessage().contains(password), create.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void invalidConfigIsRefusedBeforeSending() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> client.updateConfig(NAME, desired(c -> c.put("tasksMax", "many"))));

    assertEquals("tasksMax", e.violations().get(0).field());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void resumeWaitNeedsAnOperationId() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> client.resumeWait(NAME, " "));

    assertEquals("operationId", e.violations().get(0).field());
  }

  // ---- builder
  // -------------------------------------------------------------------------------------------------

  @Test
  void clusterIdIsRequired() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> builder().clusterId(null).build());

    assertEquals("clusterId", e.violations().get(0).field());
    assertTrue(e.getMessage().contains("clusterId"), e.getMessage());
  }

  @Test
  void urlsAreCheckedNamingTheSetting() {
    InvalidRequestException base =
        assertThrows(
            InvalidRequestException.class,
            () -> builder().baseUrl("http://mdb.example.com").build());
    InvalidRequestException ops =
        assertThrows(
            InvalidRequestException.class, () -> builder().operationsUrl("not a url").build());

    assertEquals("baseUrl", base.violations().get(0).field());
    assertEquals("operationsUrl", ops.violations().get(0).field());
    builder().baseUrl("http://mdb.example.com").allowInsecureHttp(true).build().close();
  }

  @Test
  void closeLeavesTheCallersClientRunning() {
    client.close();

    assertFalse(callerClient.dispatcher().executorService().isShutdown());
  }

  @Test
  void readsGoToTheClusterPath() throws Exception {
    server.enqueue(json("{\"connectors\": [" + YandexFixtures.S3_SINK + "]}"));

    assertEquals(1, client.listConnectors().toList().size());

    RecordedRequest list = server.takeRequest();
    assertEquals("/managed-kafka/v1/clusters/cid1/connectors?pageSize=100", list.getPath());
    assertEquals("Bearer t1.test", list.getHeader("Authorization"));
  }
}
