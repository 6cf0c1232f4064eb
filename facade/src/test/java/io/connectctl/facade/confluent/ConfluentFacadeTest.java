package io.connectctl.facade.confluent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.connectctl.client.confluent.model.ExpandedConnector;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.ErrorKind;
import io.connectctl.facade.errors.ForbiddenException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.errors.RateLimitedException;
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.PrismTraffic;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every facade operation of {@link ConfluentConnectorClient} against Prism serving the Confluent
 * spec. Named examples are chosen with {@code Prefer} headers added by a caller-supplied
 * OkHttpClient ({@link PrismTraffic}), which also records every request so the tests can see what
 * was sent and whether Prism accepted it.
 */
class ConfluentFacadeTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.CONFLUENT);

  private static final OkHttpClient SHARED = new OkHttpClient();
  private static final String ENV = "env-a1b2c3";
  private static final String CLUSTER = "lkc-x9y8z7";
  private static final String SECRET = "test-secret-Zq81";
  private static final String SINK = "orders-s3-sink";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final PrismTraffic traffic = new PrismTraffic();
  private ConfluentConnectorClient client;

  @BeforeEach
  void open() {
    client =
        ConfluentConnectorClient.builder()
            .baseUrl(PRISM.server().baseUrl())
            .environment(ENV)
            .kafkaCluster(CLUSTER)
            .credentials(StaticCredentials.basic("TESTKEY", SECRET))
            .retryPolicy(RetryPolicy.none())
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(10), 1.0, Duration.ofMillis(10)))
            .okHttpClient(traffic.client(SHARED))
            .build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  // ---- capabilities
  // -------------------------------------------------------------------------------------------

  @Test
  void capabilitiesListWhatConfluentOffers() {
    assertEquals(Vendor.CONFLUENT, client.vendor());
    assertEquals(Vendor.CONFLUENT, client.capabilities().vendor());
    assertEquals(
        EnumSet.of(
            Capability.LIST,
            Capability.GET,
            Capability.STATUS,
            Capability.CREATE,
            Capability.UPDATE_CONFIG,
            Capability.DELETE,
            Capability.PAUSE,
            Capability.RESUME,
            Capability.RESTART,
            Capability.TASKS,
            Capability.OFFSETS,
            Capability.PLUGINS,
            Capability.ALTER_OFFSETS,
            Capability.RESET_OFFSETS,
            Capability.VALIDATE),
        client.capabilities().supported());
    assertEquals(
        EnumSet.of(
            Capability.STOP,
            Capability.TOPICS,
            Capability.RESET_TOPICS,
            Capability.RESTART_TASK_OPTIONS,
            Capability.RESUME_WAIT,
            Capability.INITIAL_STATE,
            Capability.PATCH_CONFIG,
            Capability.RESTART_TASK,
            Capability.LOGGERS,
            Capability.SECRETS,
            Capability.CLUSTERS),
        client.capabilities().unsupported());
  }

  // ---- reads
  // --------------------------------------------------------------------------------------------------

  @Test
  void listStatusesAsksForStatusesOnly() {
    traffic.prefer("GET", "/connectors", "example=expanded");

    List<ConnectorStatus> all = client.listStatuses().toList();

    assertEquals(
        List.of("orders-s3-sink", "customers-pg-source"),
        all.stream().map(ConnectorStatus::name).toList());
    assertEquals(ConnectorState.RUNNING, all.get(0).state());
    assertEquals(ConnectorState.PAUSED, all.get(1).state());
    assertEquals("expand=status", single(traffic.matching("GET", "/connectors")).query());
  }

  @Test
  void listDecodesTheExpandedMap() {
    traffic.prefer("GET", "/connectors", "example=expanded");

    List<ConnectorListing> all = client.listConnectors().toList();

    assertEquals(
        List.of("orders-s3-sink", "customers-pg-source"),
        all.stream().map(ConnectorListing::name).toList());
    ConnectorListing sink = all.get(0);
    assertEquals(ConnectorType.SINK, sink.connector().type());
    assertEquals("S3_SINK", sink.connector().config().get("connector.class"));
    assertEquals("****", sink.connector().config().get("kafka.api.secret"));
    assertEquals(ConnectorState.RUNNING, sink.status().state());
    assertEquals("RUNNING", sink.status().vendorState());
    assertEquals(
        List.of(ConnectorState.RUNNING, ConnectorState.RUNNING),
        sink.status().tasks().stream().map(TaskStatus::state).toList());
    assertEquals(
        "lcc-7m2q9x",
        sink.connector().vendorModel(ExpandedConnector.class).orElseThrow().id().id());
    ConnectorListing source = all.get(1);
    assertEquals(ConnectorType.SOURCE, source.connector().type());
    assertEquals(ConnectorState.PAUSED, source.status().state());
    assertEquals("PAUSED", source.status().tasks().get(0).vendorState());

    PrismTraffic.Exchange list = single(traffic.matching("GET", "/connectors"));
    assertEquals(
        "/connect/v1/environments/" + ENV + "/clusters/" + CLUSTER + "/connectors", list.path());
    assertEquals("expand=id%2Cinfo%2Cstatus", list.query());
    assertNull(list.violations(), list.violations());
  }

  @Test
  void listOfAnEmptyClusterIsEmpty() {
    traffic.prefer("GET", "/connectors", "example=empty");

    assertEquals(List.of(), client.listConnectors().toList());
  }

  @Test
  void listIsLazyAndSendsOneRequestPerIteration() {
    traffic.prefer("GET", "/connectors", "example=expanded");

    var listing = client.listConnectors();
    assertEquals(0, traffic.count(), "nothing is fetched before iterating");
    assertEquals(2, listing.stream().count());
    assertEquals(1, traffic.count());
    var pages = new ArrayList<io.connectctl.facade.PagedIterable.Page<ConnectorListing>>();
    listing.pages().forEach(pages::add);
    assertEquals(1, pages.size(), "Confluent does not page");
    assertEquals("", pages.get(0).nextToken());
    assertEquals(2, traffic.count());
  }

  @Test
  void listAnsweringNamesOnlyIsReportedAsAnUnexpectedBody() {
    traffic.prefer("GET", "/connectors", "example=names");

    ServerErrorException e =
        assertThrows(ServerErrorException.class, () -> client.listConnectors().toList());

    assertTrue(
        e.getMessage().contains("list connectors in environment " + ENV + ", cluster " + CLUSTER),
        e.getMessage());
    assertTrue(e.getMessage().contains("an array"), e.getMessage());
  }

  @Test
  void getConnectorReturnsTheMaskedConfig() {
    traffic.prefer("GET", "/connectors/" + SINK, "example=s3-sink");

    Connector c = client.getConnector(SINK);

    assertEquals(SINK, c.name());
    assertEquals(ConnectorType.SINK, c.type());
    assertEquals("acme-orders-archive", c.config().get("s3.bucket.name"));
    assertEquals("****", c.config().get("aws.secret.access.key"));
    var model = c.vendorModel(io.connectctl.client.confluent.model.Connector.class).orElseThrow();
    assertEquals(2, model.tasks().size());
    assertNull(single(traffic.exchanges()).violations());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "running",
        "paused",
        "failed-task",
        "degraded",
        "user-actionable-error",
        "provisioning",
        "restarting"
      })
  void statusNormalizesEveryExample(String example) {
    traffic.prefer("GET", "/status", "example=" + example);

    ConnectorStatus s = client.status(SINK);

    switch (example) {
      case "running" -> {
        assertState(s, ConnectorState.RUNNING, "RUNNING");
        assertTasks(
            s,
            List.of(ConnectorState.RUNNING, ConnectorState.RUNNING),
            List.of("RUNNING", "RUNNING"));
        assertEquals("", s.firstTrace());
        assertEquals(ConnectorType.SINK, s.type());
        assertEquals("orders-s3-sink", s.workerId());
      }
      case "paused" -> {
        assertState(s, ConnectorState.PAUSED, "PAUSED");
        assertTasks(s, List.of(ConnectorState.PAUSED), List.of("PAUSED"));
        assertEquals(ConnectorType.SOURCE, s.type());
      }
      case "failed-task" -> {
        assertState(s, ConnectorState.FAILED, "FAILED");
        assertTasks(s, List.of(ConnectorState.FAILED), List.of("FAILED"));
        assertTrue(
            s.trace().startsWith("org.apache.kafka.connect.errors.ConnectException"), s.trace());
        assertTrue(s.trace().contains("AmazonS3Exception: Access Denied"), s.trace());
        assertTrue(
            s.tasks()
                .get(0)
                .trace()
                .startsWith("Task 0 stopped: bucket acme-orders-archive refused"),
            s.tasks().get(0).trace());
        assertEquals(s.trace(), s.firstTrace());
      }
      case "degraded" -> {
        assertState(s, ConnectorState.DEGRADED, "DEGRADED");
        assertTasks(
            s,
            List.of(ConnectorState.RUNNING, ConnectorState.FAILED),
            List.of("RUNNING", "SYSTEM_ERROR"));
        assertEquals("", s.tasks().get(0).trace());
        assertEquals(
            "Task 1 lost its connection to the Kafka cluster and is being retried by Confluent.",
            s.tasks().get(1).trace());
        assertEquals(1, s.tasksIn(ConnectorState.FAILED));
      }
      case "user-actionable-error" -> {
        assertState(s, ConnectorState.FAILED, "FAILED");
        assertTasks(s, List.of(ConnectorState.FAILED), List.of("USER_ACTIONABLE_ERROR"));
        assertEquals("", s.trace());
        assertEquals(
            "Authentication for user connect_reader on pg-prod.internal.acme.example:5432 was rejected.",
            s.firstTrace());
      }
      case "provisioning" -> {
        assertState(s, ConnectorState.PROVISIONING, "PROVISIONING");
        assertEquals(List.of(), s.tasks());
      }
      case "restarting" -> {
        assertState(s, ConnectorState.RESTARTING, "RESTARTING");
        assertTasks(
            s,
            List.of(ConnectorState.RESTARTING, ConnectorState.UNASSIGNED),
            List.of("RESTARTING", "UNASSIGNED"));
      }
      default -> throw new AssertionError(example);
    }
    PrismTraffic.Exchange sent = single(traffic.exchanges());
    assertEquals(
        "/connect/v1/environments/"
            + ENV
            + "/clusters/"
            + CLUSTER
            + "/connectors/"
            + SINK
            + "/status",
        sent.path());
    assertNull(sent.violations());
  }

  @Test
  void tasksListTheTaskConfigs() {
    traffic.prefer("GET", "/tasks", "example=two-tasks");

    List<TaskConfig> tasks = client.tasks(SINK);

    assertEquals(List.of(0, 1), tasks.stream().map(TaskConfig::id).toList());
    assertEquals("io.confluent.connect.s3.S3SinkTask", tasks.get(1).config().get("task.class"));
    assertEquals("****", tasks.get(0).config().get("kafka.api.secret"));
  }

  @Test
  void tasksOfAProvisioningConnectorAreEmpty() {
    traffic.prefer("GET", "/tasks", "example=none");

    assertEquals(List.of(), client.tasks(SINK));
  }

  @Test
  void offsetsOfASinkKeepPartitionsAndObservedAt() {
    traffic.prefer("GET", "/offsets", "example=sink");

    ConnectorOffsets o = client.offsets(SINK);

    assertEquals(SINK, o.name());
    assertEquals("2024-06-11T09:42:17Z", o.observedAt());
    assertEquals(2, o.offsets().size());
    assertEquals(
        Map.of("kafka_topic", "orders", "kafka_partition", 0L), o.offsets().get(0).partition());
    assertEquals(Map.of("kafka_offset", 1907764L), o.offsets().get(0).offset());
    assertEquals(Map.of("kafka_offset", 1906013L), o.offsets().get(1).offset());
  }

  @Test
  void offsetsOfASourceKeepPluginDefinedKeys() {
    traffic.prefer("GET", "/offsets", "example=source");

    ConnectorOffsets o = client.offsets("customers-pg-source");

    assertEquals("customers-pg-source", o.name());
    assertEquals("2024-06-11T09:40:02Z", o.observedAt());
    assertEquals(
        Map.of("protocol", "1", "table", "crm.public.customers"), o.offsets().get(0).partition());
    assertEquals(
        Map.of("timestamp", 1718098800000L, "timestamp_nanos", 0L, "incrementing", 48211L),
        o.offsets().get(0).offset());
  }

  @Test
  void pluginsListClassTypeAndVersion() {
    List<PluginInfo> plugins = client.plugins();

    assertEquals(
        List.of("S3_SINK", "PostgresSource", "MySqlCdcSourceV2", "DatagenSource", "SnowflakeSink"),
        plugins.stream().map(PluginInfo::className).toList());
    assertEquals(new PluginInfo("S3_SINK", ConnectorType.SINK, ""), plugins.get(0));
    assertEquals(new PluginInfo("PostgresSource", ConnectorType.SOURCE, "0.1.0"), plugins.get(1));
    assertEquals(
        "/connect/v1/environments/" + ENV + "/clusters/" + CLUSTER + "/connector-plugins",
        single(traffic.exchanges()).path());
  }

  // ---- mutations
  // ----------------------------------------------------------------------------------------------

  @Test
  void createPostsNameAndConfigAndAwaitsRunning() throws IOException {
    traffic.prefer("GET", "/status", "example=running");
    Map<String, String> config = new LinkedHashMap<>(s3SinkConfig());
    config.remove("name");

    PendingChange change = client.create(new ConnectorDefinition(SINK, config));
    assertEquals(SINK, change.connector());
    assertEquals("RUNNING", change.target());
    assertEquals("", change.operationId());
    ChangeResult result = change.await(WAIT);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    PrismTraffic.Exchange post = single(traffic.matching("POST", "/connectors"));
    assertEquals(201, post.code());
    assertNull(post.violations(), post.violations());
    Map<String, Object> body = json(post.body());
    assertEquals(SINK, body.get("name"));
    @SuppressWarnings("unchecked")
    Map<String, String> sentConfig = (Map<String, String>) body.get("config");
    assertEquals(SINK, sentConfig.get("name"), "the name is added to the config");
    assertEquals("S3_SINK", sentConfig.get("connector.class"));
  }

  @Test
  void createRefusesAMaskedSecretWithoutSending() {
    Map<String, String> config = new LinkedHashMap<>(s3SinkConfig());
    config.put("kafka.api.secret", "****");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> client.create(new ConnectorDefinition(SINK, config)));

    assertTrue(
        e.getMessage().contains(SINK) && e.getMessage().contains("kafka.api.secret"),
        e.getMessage());
    assertEquals(0, traffic.count());
  }

  @Test
  void createAnswering409IsAConflict() {
    traffic.prefer("POST", "/connectors", "code=409");

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> client.create(new ConnectorDefinition(SINK, s3SinkConfig())));

    assertEquals(409, e.httpStatus());
    assertEquals("Connector orders-s3-sink already exists", e.vendorMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "create connector '" + SINK + "' in environment " + ENV + ", cluster " + CLUSTER),
        e.getMessage());
  }

  @Test
  void updateConfigPutsTheWholeConfigAndAwaitsSettling() throws IOException {
    traffic.prefer("GET", "/status", "example=running");

    Map<String, String> config = s3SinkConfig();
    config.put(
        "flush.size",
        "1000"); // as the spec's example reads it back, so the worker "shows" the new config
    ChangeResult result = client.updateConfig(SINK, config).await(WAIT);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    PrismTraffic.Exchange put = single(traffic.matching("PUT", "/config"));
    assertEquals(200, put.code());
    assertNull(put.violations(), put.violations());
    assertEquals(config, json(put.body()));
  }

  @Test
  void updateConfigAddsTheNameKeyWhenMissing() throws IOException {
    traffic.prefer("GET", "/status", "example=running");
    Map<String, String> config = new LinkedHashMap<>(s3SinkConfig());
    config.remove("name");

    client.updateConfig(SINK, config);

    assertEquals(SINK, json(single(traffic.matching("PUT", "/config")).body()).get("name"));
  }

  @Test
  void updateConfigRefusesMaskedValuesNamingConnectorAndKeys() {
    Map<String, String> config = new LinkedHashMap<>(s3SinkConfig());
    config.put("kafka.api.secret", "****");
    config.put("aws.secret.access.key", "****");

    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> client.updateConfig(SINK, config));

    assertTrue(e.getMessage().contains("'" + SINK + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("aws.secret.access.key, kafka.api.secret"), e.getMessage());
    assertEquals(
        List.of("config.aws.secret.access.key", "config.kafka.api.secret"),
        e.violations().stream().map(v -> v.field()).toList());
    assertEquals(ErrorKind.REFUSED_BEFORE_SENDING, e.kind());
    assertEquals(0, e.httpStatus());
    assertEquals(0, traffic.count(), "nothing may be sent");
  }

  @Test
  void readModifyWriteOfTheMaskedConfigIsRefused() {
    traffic.prefer("GET", "/connectors/" + SINK, "example=s3-sink");
    Map<String, String> config = new LinkedHashMap<>(client.getConnector(SINK).config());
    config.put("flush.size", "5000");

    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> client.updateConfig(SINK, config));

    assertTrue(
        e.getMessage()
            .contains("aws.access.key.id, aws.secret.access.key, kafka.api.key, kafka.api.secret"),
        e.getMessage());
    assertEquals(1, traffic.count(), "only the read was sent");
    assertEquals("GET", traffic.exchanges().get(0).method());
  }

  @Test
  void updateConfigRefusesAnEmptyConfigAndAForeignName() {
    InvalidRequestException empty =
        assertThrows(InvalidRequestException.class, () -> client.updateConfig(SINK, Map.of()));
    assertTrue(
        empty.getMessage().contains("'" + SINK + "'") && empty.getMessage().contains("empty"),
        empty.getMessage());

    Map<String, String> config = new LinkedHashMap<>(s3SinkConfig());
    config.put("name", "someone-else");
    InvalidRequestException foreign =
        assertThrows(InvalidRequestException.class, () -> client.updateConfig(SINK, config));
    assertTrue(foreign.getMessage().contains("someone-else"), foreign.getMessage());
    assertEquals("config.name", foreign.violations().get(0).field());

    assertEquals(0, traffic.count());
  }

  @Test
  void deleteIsAwaitedUntilStatusAnswers404() {
    traffic.prefer("GET", "/status", "code=404");

    PendingChange change = client.delete(SINK);
    assertEquals("deleted", change.target());
    ChangeResult result = change.await(WAIT);

    assertTrue(result.status().isEmpty());
    assertEquals(1, result.polls());
    PrismTraffic.Exchange delete = single(traffic.matching("DELETE", "/connectors/" + SINK));
    assertEquals(200, delete.code());
    assertNull(delete.violations(), delete.violations());
  }

  @Test
  void pauseCompletesWhenStatusIsPaused() {
    traffic.prefer("GET", "/status", "example=paused");
    List<String> progress = new ArrayList<>();

    ChangeResult result = client.pause(SINK).await(WAIT, progress::add);

    assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    assertEquals(1, result.polls());
    assertEquals(List.of("PAUSED (PAUSED)"), progress);
    PrismTraffic.Exchange pause = single(traffic.matching("PUT", "/pause"));
    assertEquals(202, pause.code());
    assertNull(pause.violations(), pause.violations());
  }

  @Test
  void resumeCompletesWhenStatusIsRunning() {
    traffic.prefer("GET", "/status", "example=running");

    ChangeResult result = client.resume(SINK).await(WAIT);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    PrismTraffic.Exchange resume = single(traffic.matching("PUT", "/resume"));
    assertEquals(202, resume.code());
    assertNull(resume.violations(), resume.violations());
  }

  @Test
  void restartCompletesWhenStatusIsRunning() {
    traffic.prefer("GET", "/status", "example=running");

    ChangeResult result = client.restart(SINK, RestartOptions.CONNECTOR_ONLY).await(WAIT);

    assertEquals(ConnectorState.RUNNING, result.status().orElseThrow().state());
    PrismTraffic.Exchange restart = single(traffic.matching("POST", "/restart"));
    assertEquals(202, restart.code());
    assertNull(restart.violations(), restart.violations());
    assertEquals("", restart.body());
  }

  @Test
  void restartOfAPausedConnectorIsAnInvalidRequest() {
    traffic.prefer("POST", "/restart", "code=400, example=not-running");

    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () -> client.restart(SINK, RestartOptions.CONNECTOR_ONLY));

    assertEquals(400, e.httpStatus());
    assertTrue(
        e.vendorMessage().contains("only RUNNING connectors can be restarted"), e.vendorMessage());
  }

  // ---- waits
  // --------------------------------------------------------------------------------------------------

  @Test
  void waitForTimesOutNamingTheLastSeenState() {
    traffic.prefer("GET", "/status", "example=paused");

    WaitTimeoutException e =
        assertThrows(
            WaitTimeoutException.class,
            () -> client.waitFor(SINK, ConnectorState.RUNNING).await(Duration.ofMillis(200)));

    assertEquals(SINK, e.connector());
    assertEquals("PAUSED (PAUSED)", e.lastSeen());
    assertTrue(
        e.getMessage().contains("RUNNING") && e.getMessage().contains("last seen: PAUSED"),
        e.getMessage());
    assertEquals("", e.operationId());
  }

  @Test
  void aFailedConnectorEndsTheWaitAtOnceWithItsTrace() {
    traffic.prefer("GET", "/status", "example=failed-task");

    ConnectorFailedException e =
        assertThrows(ConnectorFailedException.class, () -> client.pause(SINK).await(WAIT));

    assertEquals(SINK, e.connector());
    assertTrue(e.trace().contains("AmazonS3Exception: Access Denied"), e.trace());
    assertTrue(e.getMessage().contains("FAILED while waiting for PAUSED"), e.getMessage());
    assertEquals(1, traffic.matching("GET", "/status").size(), "no further polls");
  }

  @Test
  void aUserActionableTaskErrorEndsTheWaitWithTheTaskMessage() {
    traffic.prefer("GET", "/status", "example=user-actionable-error");

    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () -> client.waitFor("customers-pg-source", ConnectorState.RUNNING).await(WAIT));

    assertEquals(
        "Authentication for user connect_reader on pg-prod.internal.acme.example:5432 was rejected.",
        e.trace());
    assertEquals("FAILED", e.vendorCode());
    assertEquals(1, traffic.count());
  }

  @Test
  void waitForDeletedWaitsUntilTheConnectorIsGone() {
    traffic.prefer("GET", "/status", "code=404");

    ChangeResult result = client.waitFor(SINK, ConnectorState.DELETED).await(WAIT);

    assertTrue(result.status().isEmpty());
  }

  // ---- unsupported operations
  // ---------------------------------------------------------------------------------

  @Test
  void unsupportedOperationsThrowBeforeAnyRequest() {
    UnsupportedCapabilityException stop =
        assertThrows(UnsupportedCapabilityException.class, () -> client.stop(SINK));
    assertEquals(Capability.STOP, stop.capability());
    assertEquals("confluent does not support stop", stop.getMessage());

    assertEquals(
        Capability.TOPICS,
        assertThrows(UnsupportedCapabilityException.class, () -> client.topics(SINK)).capability());
    assertEquals(
        Capability.RESTART_TASK_OPTIONS,
        assertThrows(
                UnsupportedCapabilityException.class,
                () -> client.restart(SINK, new RestartOptions(true, false)))
            .capability());
    assertEquals(
        Capability.RESTART_TASK_OPTIONS,
        assertThrows(
                UnsupportedCapabilityException.class,
                () -> client.restart(SINK, new RestartOptions(false, true)))
            .capability());
    assertEquals(
        Capability.RESUME_WAIT,
        assertThrows(UnsupportedCapabilityException.class, () -> client.resumeWait(SINK, "op-1"))
            .capability());

    assertEquals(0, traffic.count());
  }

  // ---- errors
  // -------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404, 429, 500})
  void errorStatusesBecomeTheRightException(int code) {
    traffic.prefer("GET", "/connectors/" + SINK, "code=" + code);

    ConnectCloudException e =
        assertThrows(ConnectCloudException.class, () -> client.getConnector(SINK));

    Class<? extends ConnectCloudException> expected =
        switch (code) {
          case 401 -> UnauthorizedException.class;
          case 403 -> ForbiddenException.class;
          case 404 -> NotFoundException.class;
          case 429 -> RateLimitedException.class;
          default -> ServerErrorException.class;
        };
    assertInstanceOf(expected, e);
    assertEquals(code, e.httpStatus());
    assertEquals(Vendor.CONFLUENT, e.vendor());
    assertTrue(
        e.getMessage()
            .contains(
                "get connector '" + SINK + "' in environment " + ENV + ", cluster " + CLUSTER),
        e.getMessage());
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    if (code == 404) {
      assertEquals("connector orders-s3-sink not found", e.vendorMessage());
      assertEquals("404", e.vendorCode());
    }
    if (code == 429) {
      assertEquals(Duration.ofSeconds(30), ((RateLimitedException) e).retryAfter());
      assertEquals(1, traffic.count(), "retries are off");
    }
  }

  @Test
  void missingClusterIsNotFoundForPlugins() {
    traffic.prefer("GET", "/connector-plugins", "code=404");

    NotFoundException e = assertThrows(NotFoundException.class, () -> client.plugins());

    assertEquals("account not found", e.vendorMessage());
    assertTrue(
        e.getMessage()
            .contains("list connector plugins in environment " + ENV + ", cluster " + CLUSTER),
        e.getMessage());
  }

  @Test
  void aMissingConnectorIsNotFoundForEveryConnectorOperation() {
    traffic
        .prefer("GET", "/status", "code=404")
        .prefer("GET", "/tasks", "code=404")
        .prefer("GET", "/offsets", "code=404")
        .prefer("PUT", "/pause", "code=404")
        .prefer("PUT", "/resume", "code=404")
        .prefer("POST", "/restart", "code=404")
        .prefer("DELETE", "/connectors/missing", "code=404");

    List<Runnable> operations =
        List.of(
            () -> client.status("missing"),
            () -> client.tasks("missing"),
            () -> client.offsets("missing"),
            () -> client.pause("missing"),
            () -> client.resume("missing"),
            () -> client.restart("missing", RestartOptions.CONNECTOR_ONLY),
            () -> client.delete("missing"));
    for (Runnable operation : operations) {
      NotFoundException e = assertThrows(NotFoundException.class, operation::run);
      assertTrue(
          e.getMessage().contains("connector 'missing' in environment " + ENV), e.getMessage());
    }
    assertEquals(operations.size(), traffic.count());
  }

  @Test
  void emptyNamesAreRefusedBeforeSending() {
    for (String name : new String[] {null, "", "  "}) {
      InvalidRequestException e =
          assertThrows(InvalidRequestException.class, () -> client.status(name));
      assertEquals("name", e.violations().get(0).field());
    }
    assertEquals(0, traffic.count());
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------------------

  private static void assertState(ConnectorStatus s, ConnectorState state, String raw) {
    assertEquals(state, s.state());
    assertEquals(raw, s.vendorState());
  }

  private static void assertTasks(
      ConnectorStatus s, List<ConnectorState> states, List<String> raw) {
    assertEquals(states, s.tasks().stream().map(TaskStatus::state).toList());
    assertEquals(raw, s.tasks().stream().map(TaskStatus::vendorState).toList());
    assertEquals(
        java.util.stream.IntStream.range(0, states.size()).boxed().toList(),
        s.tasks().stream().map(TaskStatus::id).toList());
  }

  private static <T> T single(List<T> items) {
    assertEquals(1, items.size(), () -> "expected exactly one: " + items);
    return items.get(0);
  }

  private static Map<String, Object> json(String body) throws IOException {
    return new Moshi.Builder()
        .build()
        .<Map<String, Object>>adapter(
            Types.newParameterizedType(Map.class, String.class, Object.class))
        .fromJson(body);
  }

  /** The spec's complete S3 sink config, with real-looking secrets. */
  private static Map<String, String> s3SinkConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("connector.class", "S3_SINK");
    config.put("name", SINK);
    config.put("kafka.auth.mode", "KAFKA_API_KEY");
    config.put("kafka.api.key", "QZ4KJ7RPL2MX8WTA");
    config.put("kafka.api.secret", "eXaMpLeSeCrEt/9fXq1vT3kYbN0sLm8dRw2uHj5cPo7ZgAeIiK4");
    config.put("aws.access.key.id", "AKIAEXAMPLEORDERS01");
    config.put("aws.secret.access.key", "wJalrXUtnEXAMPLEKEY/orders/bPxRfiCY");
    config.put("s3.bucket.name", "acme-orders-archive");
    config.put("topics", "orders");
    config.put("flush.size", "5000");
    config.put("tasks.max", "2");
    return config;
  }
}
