package io.connectctl.facade.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.client.yandex.model.MirrormakerConnector;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.PrismTraffic;
import io.connectctl.prism.PrismExamples;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of {@link YandexConnectorClient} against Prism serving the Yandex spec. After
 * each test, every request must have matched the spec (no {@code sl-violations}), and every
 * mutation, and only mutations, must have carried an {@code Idempotency-Key}.
 */
class YandexConnectorClientPrismTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.YANDEX);

  private static final String CLUSTER = "c9qbkmoiimsl6e7dc3j2";
  private static final String NAME = "replicate-orders";
  private static final String CREATE_OP = "c9q8mb9imphgb8m1og03";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SHORT = Duration.ofMillis(300);

  private PrismTraffic recorder;
  private YandexConnectorClient client;

  /** A client whose requests get the Prefer value {@code prefer} chooses. */
  private YandexConnectorClient client(Function<Request, String> prefer) {
    recorder = new PrismTraffic().prefer(prefer);
    client =
        YandexConnectorClient.builder()
            .baseUrl(PRISM.server().baseUrl())
            .operationsUrl(PRISM.server().baseUrl())
            .clusterId(CLUSTER)
            .credentials(StaticCredentials.bearer("t1.test-iam-token"))
            .retryPolicy(RetryPolicy.none())
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(5), 1.0, Duration.ofMillis(5)))
            .okHttpClient(recorder.client())
            .build();
    return client;
  }

  /**
   * Prefer values by "METHOD path-suffix", first match wins; e.g. {@code "GET /operations/":
   * "example=done"}.
   */
  private static Function<Request, String> routes(String... methodPathValue) {
    Map<String, String> table = new LinkedHashMap<>();
    for (int i = 0; i < methodPathValue.length; i += 2) {
      table.put(methodPathValue[i], methodPathValue[i + 1]);
    }
    return request -> {
      String path = request.url().encodedPath();
      for (Map.Entry<String, String> route : table.entrySet()) {
        String[] parts = route.getKey().split(" ", 2);
        if (parts[0].equals(request.method()) && path.contains(parts[1])) {
          return route.getValue();
        }
      }
      return null;
    };
  }

  @AfterEach
  void everyRequestMatchedTheSpecAndOnlyMutationsHadIdempotencyKeys() {
    if (client == null) {
      return;
    }
    client.close();
    for (PrismTraffic.Exchange exchange : recorder.exchanges()) {
      assertNull(
          exchange.violations(),
          () ->
              exchange.method()
                  + " "
                  + exchange.url()
                  + " violated the spec: "
                  + exchange.violations());
      String key = exchange.headers().get("Idempotency-Key");
      if (exchange.method().equals("GET")) {
        assertNull(key, () -> "read " + exchange.url() + " carried an Idempotency-Key");
      } else {
        assertTrue(
            key != null && UUID.fromString(key).toString().equals(key),
            () ->
                exchange.method()
                    + " "
                    + exchange.url()
                    + " lacked a UUID Idempotency-Key: "
                    + key);
      }
      assertEquals("Bearer t1.test-iam-token", exchange.headers().get("Authorization"));
    }
  }

  private List<PrismTraffic.Exchange> exchanges() {
    return recorder.exchanges();
  }

  private static Map<String, String> mirrormakerConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("tasksMax", "3");
    config.put("properties.sync.topics.config.enabled", "true");
    config.put("properties.refresh.topics.interval.seconds", "60");
    config.put("connectorConfigMirrormaker.sourceCluster.alias", "source");
    config.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers",
        "rc1a-3u8kq0pd1m5jv2h7.mdb.yandexcloud.net:9091,rc1b-9f2nc4tl6w0xs8e1.mdb.yandexcloud.net:9091");
    config.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.saslUsername", "mirror-reader");
    config.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.saslMechanism", "SCRAM-SHA-512");
    config.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.securityProtocol", "SASL_SSL");
    config.put("connectorConfigMirrormaker.targetCluster.alias", "target");
    config.put("connectorConfigMirrormaker.targetCluster.thisCluster", "{}");
    config.put("connectorConfigMirrormaker.topics", "orders.*");
    config.put("connectorConfigMirrormaker.replicationFactor", "3");
    return config;
  }

  // ---- reads
  // -------------------------------------------------------------------------------------------------

  @Test
  void listsAllPagesLazily() {
    client(
        request ->
            PrismExamples.prefer(
                PrismExamples.listingPage(request.url().queryParameter("pageToken"))));

    Iterator<ConnectorListing> first = client.listConnectors().iterator();
    assertEquals("events-to-iceberg", first.next().name());
    assertEquals(1, exchanges().size(), "only the first page is fetched for the first item");

    List<ConnectorListing> all = client.listConnectors().toList();

    assertEquals(
        List.of("events-to-iceberg", "orders-to-s3", NAME),
        all.stream().map(ConnectorListing::name).toList());
    assertEquals(
        List.of(ConnectorState.RUNNING, ConnectorState.PAUSED, ConnectorState.RUNNING),
        all.stream().map(l -> l.status().state()).toList());
    assertEquals(
        "events\\..*",
        all.get(0).connector().config().get("connectorConfigIcebergSink.topicsRegex"));
    assertEquals(
        "table",
        all.get(0).connector().config().get("connectorConfigIcebergSink.dynamicTables.routeField"));
    List<PrismTraffic.Exchange> pages = exchanges().subList(1, 3);
    assertNull(pages.get(0).url().queryParameter("pageToken"));
    assertEquals("100", pages.get(0).url().queryParameter("pageSize"));
    assertEquals("b3JkZXJzLXRvLXMz", pages.get(1).url().queryParameter("pageToken"));
    assertEquals("/managed-kafka/v1/clusters/" + CLUSTER + "/connectors", pages.get(1).path());
  }

  @Test
  void emptyClusterListsNothing() {
    client(request -> "example=empty");

    assertEquals(List.of(), client.listConnectors().toList());
    assertEquals(1, exchanges().size());
  }

  @Test
  void getsConnectorWithFlatConfigAndVendorModel() {
    client(request -> "example=running");

    Connector connector = client.getConnector(NAME);

    assertEquals(NAME, connector.name());
    assertEquals(ConnectorType.SOURCE, connector.type());
    assertEquals(mirrormakerConfig(), connector.config());
    MirrormakerConnector model = connector.vendorModel(MirrormakerConnector.class).orElseThrow();
    assertEquals(CLUSTER, model.clusterId());
    assertEquals(
        "/managed-kafka/v1/clusters/" + CLUSTER + "/connectors/" + NAME, exchanges().get(0).path());
  }

  @Test
  void normalizesRunningPausedAndError() {
    List<String> examples =
        new ArrayList<>(List.of("running", "paused", "error", "s3-sink-running"));
    client(request -> "example=" + examples.remove(0));

    ConnectorStatus running = client.status(NAME);
    ConnectorStatus paused = client.status(NAME);
    ConnectorStatus error = client.status(NAME);
    ConnectorStatus sink = client.status(NAME);

    assertEquals(ConnectorState.RUNNING, running.state());
    assertEquals("RUNNING", running.vendorState());
    assertEquals(Map.of("health", "ALIVE"), running.vendorDetails());
    assertEquals(ConnectorState.PAUSED, paused.state());
    assertEquals("PAUSED", paused.vendorState());
    assertEquals(ConnectorState.FAILED, error.state());
    assertEquals("ERROR", error.vendorState());
    assertEquals(Map.of("health", "DEAD"), error.vendorDetails());
    assertEquals(List.of(), error.tasks());
    assertEquals(ConnectorType.SINK, sink.type());
    assertEquals(ConnectorState.RUNNING, sink.state());
  }

  @Test
  void missingConnectorIsNotFound() {
    client(request -> "code=404");

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.getConnector(NAME));

    assertEquals(404, e.httpStatus());
    assertEquals("5", e.vendorCode());
  }

  // ---- create, awaited through the operation
  // ------------------------------------------------------------------

  @Test
  void createIsAwaitedUntilTheOperationIsDone() {
    client(routes("POST /connectors", "example=in-progress", "GET /operations/", "example=done"));
    Map<String, String> config = mirrormakerConfig();
    config.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.saslPassword",
        "s3cr3t-Mirr0r-pa55");

    PendingChange change = client.create(new ConnectorDefinition(NAME, config));
    List<String> progress = new ArrayList<>();
    ChangeResult result = change.await(TIMEOUT, progress::add);

    assertEquals(CREATE_OP, change.operationId());
    assertEquals(CREATE_OP, result.operationId());
    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(1, result.polls());
    assertEquals(List.of("operation done"), progress);
    assertEquals(
        List.of("POST", "GET"), exchanges().stream().map(PrismTraffic.Exchange::method).toList());
    assertEquals("/operations/" + CREATE_OP, exchanges().get(1).path());
  }

  @Test
  void createAlreadyDoneCompletesWithoutPolling() {
    client(routes("POST /connectors", "example=done"));

    ChangeResult result =
        client.create(new ConnectorDefinition(NAME, mirrormakerConfig())).await(TIMEOUT);

    assertEquals(0, result.polls());
    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(1, exchanges().size());
  }

  @Test
  void createsS3AndIcebergSinks() {
    client(routes("POST /connectors", "example=done"));
    Map<String, String> s3 =
        new LinkedHashMap<>(
            YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.S3_SINK)));
    s3.put("connectorConfigS3Sink.s3Connection.externalS3.secretAccessKey", "YCN4pQ8v");
    Map<String, String> iceberg =
        YandexConfigMapping.flatten(YandexFixtures.connector(YandexFixtures.ICEBERG_SINK));

    client.create(new ConnectorDefinition("orders-to-s3", s3)).await(TIMEOUT);
    client.create(new ConnectorDefinition("events-to-iceberg", iceberg)).await(TIMEOUT);

    assertEquals(2, exchanges().size());
    assertNotEquals(
        exchanges().get(0).headers().get("Idempotency-Key"),
        exchanges().get(1).headers().get("Idempotency-Key"),
        "each call has its own key");
  }

  @Test
  void failedOperationEndsTheWaitWithCodeMessageAndOperationId() {
    client(routes("POST /connectors", "example=in-progress", "GET /operations/", "example=failed"));

    PendingChange change = client.create(new ConnectorDefinition(NAME, mirrormakerConfig()));
    ConnectorFailedException e =
        assertThrows(ConnectorFailedException.class, () -> change.await(TIMEOUT));

    assertEquals(CREATE_OP, e.operationId());
    assertEquals("9", e.vendorCode());
    assertEquals(NAME, e.connector());
    assertTrue(e.trace().contains("SASL authentication failed"), e.trace());
    assertTrue(e.getMessage().contains(CREATE_OP), e.getMessage());
    assertTrue(e.getMessage().contains("9 FAILED_PRECONDITION"), e.getMessage());
    assertTrue(e.getMessage().contains("SASL authentication failed"), e.getMessage());
  }

  @Test
  void operationFailedInTheFirstAnswerFailsWithoutPolling() {
    client(routes("POST /connectors", "example=failed"));

    PendingChange change = client.create(new ConnectorDefinition(NAME, mirrormakerConfig()));
    ConnectorFailedException e =
        assertThrows(ConnectorFailedException.class, () -> change.await(TIMEOUT));

    assertEquals(CREATE_OP, e.operationId());
    assertEquals(1, exchanges().size());
  }

  @Test
  void neverFinishingOperationTimesOutWithItsId() {
    client(
        routes(
            "POST /connectors", "example=in-progress", "GET /operations/", "example=in-progress"));

    PendingChange change = client.create(new ConnectorDefinition(NAME, mirrormakerConfig()));
    WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> change.await(SHORT));

    assertEquals(CREATE_OP, e.operationId());
    assertEquals("operation running", e.lastSeen());
    assertEquals(NAME, e.connector());
    assertTrue(e.getMessage().contains("operation " + CREATE_OP), e.getMessage());
  }

  @Test
  void rollbackIsReportedWhileWaiting() {
    client(
        routes(
            "POST /connectors", "example=in-progress", "GET /operations/", "example=rolling-back"));
    List<String> progress = new ArrayList<>();

    PendingChange change = client.create(new ConnectorDefinition(NAME, mirrormakerConfig()));
    WaitTimeoutException e =
        assertThrows(WaitTimeoutException.class, () -> change.await(SHORT, progress::add));

    String expected =
        "operation rolling back after error 13 INTERNAL: connector failed to start; rolling back the change";
    assertEquals(expected, e.lastSeen());
    assertEquals(CREATE_OP, e.operationId());
    assertFalse(progress.isEmpty());
    assertTrue(progress.stream().allMatch(expected::equals), progress::toString);
  }

  @Test
  void resumeWaitFollowsAnEarlierOperation() {
    client(routes("GET /operations/", "example=done"));

    ChangeResult result = client.resumeWait(NAME, CREATE_OP).await(TIMEOUT);

    assertEquals(CREATE_OP, result.operationId());
    assertEquals(1, result.polls());
    assertEquals("/operations/" + CREATE_OP, exchanges().get(0).path());
  }

  // ---- other mutations
  // ---------------------------------------------------------------------------------------

  @Test
  void pauseIsAwaitedThroughTheOperation() {
    client(
        routes(
            "POST /connectors/pause/", "example=in-progress", "GET /operations/", "example=done"));

    PendingChange change = client.pause(NAME);
    ChangeResult result = change.await(TIMEOUT);

    assertEquals("c9qh7g3mx5c2nvp0b9t1", change.operationId());
    assertEquals("PAUSED", change.target());
    assertEquals(1, result.polls());
    assertEquals(
        "/managed-kafka/v1/clusters/" + CLUSTER + "/connectors/pause/" + NAME,
        exchanges().get(0).path());
    assertEquals("/operations/c9qh7g3mx5c2nvp0b9t1", exchanges().get(1).path());
  }

  @Test
  void pauseDoneReportsThePausedConnector() {
    client(routes("POST /connectors/pause/", "example=done"));

    ChangeResult result = client.pause(NAME).await(TIMEOUT);

    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals(0, result.polls());
  }

  @Test
  void resumeDoneReportsTheRunningConnector() {
    client(routes("POST /connectors/resume/", "example=done"));

    ChangeResult result = client.resume(NAME).await(TIMEOUT);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals("c9qp1z8kc6r4xwd2m7a5", result.operationId());
  }

  @Test
  void deleteCompletesWithoutStatus() {
    client(
        routes(
            "DELETE /connectors/",
            "example=in-progress",
            "GET /operations/",
            "example=done-delete"));

    PendingChange change = client.delete(NAME);
    ChangeResult result = change.await(TIMEOUT);

    assertEquals("deleted", change.target());
    assertEquals("c9qt5d0wz3a8mbh1e4r6", result.operationId());
    assertTrue(result.status().isEmpty());
  }

  @Test
  void updateSendsTheChangedFieldsAndIsAwaited() {
    client(
        routes(
            "GET /connectors/",
            "example=running",
            "PATCH /connectors/",
            "example=in-progress",
            "GET /operations/",
            "example=done"));
    Map<String, String> desired = mirrormakerConfig();
    desired.put("tasksMax", "4");
    desired.put("properties.refresh.topics.interval.seconds", "30");
    desired.put("connectorConfigMirrormaker.sourceCluster.alias", "origin");
    desired.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.saslPassword", "n3w-Mirr0r-pa55");

    PendingChange change = client.updateConfig(NAME, desired);
    ChangeResult result = change.await(TIMEOUT);

    assertEquals("c9qk2r7ne1v0hqf3d6s8", result.operationId());
    assertEquals(
        List.of("GET", "PATCH", "GET"),
        exchanges().stream().map(PrismTraffic.Exchange::method).toList());
  }

  @Test
  void updateWithoutChangesSendsNoPatch() {
    client(routes("GET /connectors/", "example=running"));

    ChangeResult result = client.updateConfig(NAME, mirrormakerConfig()).await(TIMEOUT);

    assertEquals("", result.operationId());
    assertEquals(0, result.polls());
    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    assertEquals(List.of("GET"), exchanges().stream().map(PrismTraffic.Exchange::method).toList());
  }

  // ---- waiting on status
  // -------------------------------------------------------------------------------------

  @Test
  void waitForPollsStatus() {
    client(request -> "example=paused");

    ChangeResult result = client.waitFor(NAME, ConnectorState.PAUSED).await(TIMEOUT);

    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals("", result.operationId());
  }

  @Test
  void waitForRunningStopsAtError() {
    client(request -> "example=error");

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () -> client.waitFor(NAME, ConnectorState.RUNNING).await(TIMEOUT));

    assertEquals("ERROR", e.vendorCode());
  }

  @Test
  void waitForDeletedEndsWhenTheConnectorIsGone() {
    client(request -> "code=404");

    ChangeResult result = client.waitFor(NAME, ConnectorState.DELETED).await(TIMEOUT);

    assertTrue(result.status().isEmpty());
    assertEquals("deleted", client.waitFor(NAME, ConnectorState.DELETED).target());
  }
}
