package io.connectctl.facade.redpanda;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.client.redpanda.model.ConnectorSpec;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.RetryPolicy;
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
import io.connectctl.facade.errors.ServerErrorException;
import io.connectctl.facade.errors.UnauthorizedException;
import io.connectctl.facade.errors.UnsupportedCapabilityException;
import io.connectctl.facade.errors.WaitTimeoutException;
import io.connectctl.facade.testing.PrismTraffic;
import io.connectctl.prism.PrismExamples;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every facade operation of the Redpanda client against Prism serving the Redpanda spec's examples.
 */
class RedpandaFacadeTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.REDPANDA);

  private static final String TOKEN = "test-redpanda-token";
  private static final String CONNECTORS = "/v1/kafka-connect/clusters/redpanda/connectors";
  private static final String S3 = "orders-s3-sink";
  private static final PollingPolicy FAST =
      new PollingPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(50));
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final List<RedpandaConnectorClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(RedpandaConnectorClient::close);
  }

  private RedpandaConnectorClient client(PrismTraffic traffic) {
    RedpandaConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl(PRISM.server().baseUrl())
            .credentials(StaticCredentials.bearer(TOKEN))
            .okHttpClient(traffic.client())
            .retryPolicy(RetryPolicy.none())
            .pollingPolicy(FAST)
            .build();
    clients.add(client);
    return client;
  }

  /**
   * Listing requests get the spec's first page (with a next token), then, once a token is sent, its
   * last page.
   */
  private static Function<Request, String> listingPages() {
    return request ->
        !request.method().equals("GET") || !request.url().encodedPath().endsWith("/connectors")
            ? null
            : PrismExamples.prefer(
                PrismExamples.listingPage(request.url().queryParameter("page_token")));
  }

  /**
   * Every request reached Prism with the token, was accepted (2xx) and broke no rule of the spec.
   */
  private static void assertAllAccepted(PrismTraffic traffic) {
    assertFalse(traffic.exchanges().isEmpty(), "no request was sent");
    for (PrismTraffic.Exchange e : traffic.exchanges()) {
      assertAll(
          e.method() + " " + e.path(),
          () -> assertNull(e.violations(), () -> "spec violations: " + e.violations()),
          () -> assertTrue(e.code() >= 200 && e.code() < 300, () -> "HTTP " + e.code()),
          () -> assertEquals("Bearer " + TOKEN, e.authorization()));
    }
  }

  @Test
  void capabilitiesListWhatRedpandaOffers() {
    RedpandaConnectorClient client = client(new PrismTraffic());
    assertEquals(Vendor.REDPANDA, client.vendor());
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
            Capability.RESTART_TASK_OPTIONS,
            Capability.STOP,
            Capability.TOPICS,
            Capability.RESET_TOPICS,
            Capability.PLUGINS,
            Capability.SECRETS,
            Capability.CLUSTERS),
        client.capabilities().supported());
    assertEquals(
        EnumSet.of(
            Capability.TASKS,
            Capability.OFFSETS,
            Capability.RESUME_WAIT,
            Capability.INITIAL_STATE,
            Capability.PATCH_CONFIG,
            Capability.RESTART_TASK,
            Capability.ALTER_OFFSETS,
            Capability.RESET_OFFSETS,
            Capability.VALIDATE,
            Capability.LOGGERS),
        client.capabilities().unsupported());
  }

  @Nested
  class Listing {
    @Test
    void followsPageTokensLazilyOnePageAtATime() {
      PrismTraffic traffic = new PrismTraffic().prefer(listingPages());
      RedpandaConnectorClient client = client(traffic);

      Iterator<ConnectorListing> it = client.listConnectors().iterator();
      assertTrue(traffic.exchanges().isEmpty(), "nothing is fetched before iteration starts");
      assertEquals("orders-pg-source", it.next().name());
      assertEquals(S3, it.next().name());
      assertEquals(1, traffic.exchanges().size(), "the second page is fetched only when needed");
      ConnectorListing third = it.next();
      assertFalse(it.hasNext());

      assertEquals("payments-mm2-source", third.name());
      List<PrismTraffic.Exchange> sent = traffic.exchanges();
      assertEquals(2, sent.size());
      assertEquals(CONNECTORS, sent.get(0).path());
      assertEquals("page_size=100", sent.get(0).query());
      assertEquals(
          "page_size=100&page_token=bmFtZT1vcmRlcnMtczMtc2luaw%3D%3D", sent.get(1).query());
      assertAllAccepted(traffic);
    }

    @Test
    void entriesCarryDefinitionAndNormalizedStatus() {
      RedpandaConnectorClient client = client(new PrismTraffic().prefer(listingPages()));

      List<ConnectorListing> all = client.listConnectors().toList();

      assertEquals(
          List.of("orders-pg-source", S3, "payments-mm2-source"),
          all.stream().map(ConnectorListing::name).toList());
      ConnectorListing source = all.get(0);
      assertEquals(ConnectorType.SOURCE, source.connector().type());
      assertEquals(
          "io.debezium.connector.postgresql.PostgresConnector",
          source.connector().config().get("connector.class"));
      assertEquals(ConnectorState.RUNNING, source.status().state());
      assertEquals("RUNNING", source.status().vendorState());
      assertEquals(
          Map.of("holistic_state", "CONNECTOR_HOLISTIC_STATE_HEALTHY"),
          source.status().vendorDetails());
      ConnectorListing sink = all.get(1);
      assertEquals(ConnectorType.SINK, sink.connector().type());
      assertEquals(2, sink.status().tasks().size());
      assertEquals(
          2, sink.connector().vendorModel(ConnectorSpec.class).orElseThrow().tasks().size());
      ConnectorListing paused = all.get(2);
      assertEquals(ConnectorState.PAUSED, paused.status().state());
      assertEquals("PAUSED", paused.status().vendorState());
      assertEquals(ConnectorState.PAUSED, paused.status().tasks().get(0).state());
    }

    @Test
    void eachIterationStartsAgainFromTheFirstPage() {
      PrismTraffic traffic = new PrismTraffic().prefer(listingPages());
      RedpandaConnectorClient client = client(traffic);
      var listing = client.listConnectors();

      assertEquals(3, listing.toList().size());
      assertEquals(3, listing.stream().count());
      assertEquals(4, traffic.exchanges().size());
      assertEquals("page_size=100", traffic.exchanges().get(2).query());
    }

    @Test
    void emptyClusterListsNothing() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/connectors", "example=empty");
      assertEquals(List.of(), client(traffic).listConnectors().toList());
      assertEquals(1, traffic.exchanges().size());
    }
  }

  @Test
  void getConnectorReadsDefinitionAndConfig() {
    PrismTraffic traffic = new PrismTraffic();
    Connector connector = client(traffic).getConnector(S3);

    assertEquals(S3, connector.name());
    assertEquals(ConnectorType.SINK, connector.type());
    assertEquals("2", connector.config().get("tasks.max"));
    assertEquals(
        "${secretsManager:orders-s3-sink:aws.secret.access.key}",
        connector.config().get("aws.secret.access.key"));
    assertEquals(2, connector.vendorModel(ConnectorSpec.class).orElseThrow().tasks().size());
    assertEquals(CONNECTORS + "/" + S3, traffic.exchanges().get(0).path());
    assertAllAccepted(traffic);
  }

  @Nested
  class Status {
    private ConnectorStatus statusFor(String example) {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=" + example);
      ConnectorStatus status = client(traffic).status(S3);
      assertEquals(CONNECTORS + "/" + S3 + "/status", traffic.exchanges().get(0).path());
      assertAllAccepted(traffic);
      return status;
    }

    @Test
    void running() {
      ConnectorStatus s = statusFor("running");
      assertEquals(S3, s.name());
      assertEquals(ConnectorType.SINK, s.type());
      assertEquals(ConnectorState.RUNNING, s.state());
      assertEquals("RUNNING", s.vendorState());
      assertEquals(Map.of("holistic_state", "CONNECTOR_HOLISTIC_STATE_HEALTHY"), s.vendorDetails());
      assertEquals("10.20.3.15:8083", s.workerId());
      assertEquals("", s.trace());
      assertEquals(
          List.of(
              new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "10.20.3.14:8083", ""),
              new TaskStatus(1, ConnectorState.RUNNING, "RUNNING", "10.20.3.15:8083", "")),
          s.tasks());
    }

    @Test
    void paused() {
      ConnectorStatus s = statusFor("paused");
      assertEquals(ConnectorState.PAUSED, s.state());
      assertEquals("PAUSED", s.vendorState());
      assertEquals("CONNECTOR_HOLISTIC_STATE_PAUSED", s.vendorDetails().get("holistic_state"));
      assertEquals(
          List.of(ConnectorState.PAUSED, ConnectorState.PAUSED),
          s.tasks().stream().map(TaskStatus::state).toList());
      assertEquals(
          List.of("PAUSED", "PAUSED"), s.tasks().stream().map(TaskStatus::vendorState).toList());
    }

    @Test
    void failedTaskMakesTheConnectorDegraded() {
      ConnectorStatus s = statusFor("failed-task");
      assertEquals(ConnectorState.DEGRADED, s.state());
      assertEquals("RUNNING", s.vendorState());
      assertEquals("CONNECTOR_HOLISTIC_STATE_DEGRADED", s.vendorDetails().get("holistic_state"));
      assertEquals("", s.trace());
      TaskStatus failed = s.tasks().get(1);
      assertEquals(1, failed.id());
      assertEquals(ConnectorState.FAILED, failed.state());
      assertEquals("FAILED", failed.vendorState());
      assertEquals("10.20.3.15:8083", failed.workerId());
      assertTrue(
          failed
              .trace()
              .startsWith(
                  "org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask"));
      assertTrue(failed.trace().contains("S3Exception: Access Denied"));
      assertEquals(ConnectorState.RUNNING, s.tasks().get(0).state());
      assertEquals(1, s.tasksIn(ConnectorState.FAILED));
      assertEquals(failed.trace(), s.firstTrace());
      assertEquals(
          "[TYPE_ERROR] Connector orders-s3-sink Task 1 is in failed state. S3 rejected the upload: "
              + "Access Denied (Service: S3, Status Code: 403). Check that the access key may write to bucket "
              + "acme-orders-archive.",
          s.vendorDetails().get("errors"));
    }

    @Test
    void failedConnectorIsFailedWithItsTrace() {
      ConnectorStatus s = statusFor("failed-connector");
      assertEquals("orders-pg-source", s.name());
      assertEquals(ConnectorType.SOURCE, s.type());
      assertEquals(ConnectorState.FAILED, s.state());
      assertEquals("FAILED", s.vendorState());
      assertEquals("CONNECTOR_HOLISTIC_STATE_UNHEALTHY", s.vendorDetails().get("holistic_state"));
      assertTrue(s.trace().contains("FATAL: password authentication failed for user \"debezium\""));
      assertEquals(List.of(), s.tasks());
      assertTrue(s.vendorDetails().get("errors").contains("Postgres refused the login"));
    }

    @Test
    void stopped() {
      ConnectorStatus s = statusFor("stopped");
      assertEquals(ConnectorState.STOPPED, s.state());
      assertEquals("STOPPED", s.vendorState());
      assertEquals(List.of(), s.tasks());
    }

    @Test
    void restarting() {
      ConnectorStatus s = statusFor("restarting");
      assertEquals(ConnectorState.RESTARTING, s.state());
      assertEquals("RESTARTING", s.vendorState());
      assertEquals(
          List.of(ConnectorState.RESTARTING, ConnectorState.RESTARTING),
          s.tasks().stream().map(TaskStatus::state).toList());
    }

    @Test
    void unassigned() {
      ConnectorStatus s = statusFor("unassigned");
      assertEquals(ConnectorState.UNASSIGNED, s.state());
      assertEquals("UNASSIGNED", s.vendorState());
      assertEquals("CONNECTOR_HOLISTIC_STATE_UNASSIGNED", s.vendorDetails().get("holistic_state"));
    }
  }

  @Nested
  class Mutations {
    private final Map<String, String> s3Config = s3Config();

    private static Map<String, String> s3Config() {
      Map<String, String> config = new LinkedHashMap<>();
      config.put("connector.class", "com.redpanda.kafka.connect.s3.S3SinkConnector");
      config.put("tasks.max", "4");
      config.put("topics", "orders.public.orders");
      config.put("aws.secret.access.key", "${secretsManager:orders-s3-sink:aws.secret.access.key}");
      return config;
    }

    @Test
    void createPostsNameAndConfig() {
      PrismTraffic traffic = new PrismTraffic();
      PendingChange change = client(traffic).create(new ConnectorDefinition(S3, s3Config));

      assertEquals(S3, change.connector());
      assertEquals("RUNNING", change.target());
      assertEquals("", change.operationId());
      PrismTraffic.Exchange post = traffic.exchanges().get(0);
      assertEquals("POST", post.method());
      assertEquals(CONNECTORS, post.path());
      assertTrue(
          post.body().startsWith("{\"name\":\"orders-s3-sink\",\"config\":{\"connector.class\":"),
          post.body());
      assertEquals(1, traffic.exchanges().size(), "nothing is polled until the change is awaited");
      assertAllAccepted(traffic);
    }

    @Test
    void updateConfigPutsTheFlatMap() {
      PrismTraffic traffic = new PrismTraffic();
      PendingChange change = client(traffic).updateConfig(S3, s3Config);

      assertEquals("settled", change.target());
      PrismTraffic.Exchange put = traffic.exchanges().get(0);
      assertEquals("PUT", put.method());
      assertEquals(CONNECTORS + "/" + S3 + "/config", put.path());
      assertTrue(
          put.body()
              .startsWith(
                  "{\"connector.class\":\"com.redpanda.kafka.connect.s3.S3SinkConnector\","),
          put.body());
      assertFalse(put.body().contains("\"config\""), "the body is the bare map");
      assertAllAccepted(traffic);
    }

    @Test
    void deletePauseResumeStopAreAccepted() {
      PrismTraffic traffic = new PrismTraffic();
      RedpandaConnectorClient client = client(traffic);

      assertEquals("deleted", client.delete(S3).target());
      assertEquals("PAUSED", client.pause(S3).target());
      assertEquals("RUNNING", client.resume(S3).target());
      assertEquals("STOPPED", client.stop(S3).target());

      assertEquals(
          List.of(
              "DELETE " + CONNECTORS + "/" + S3,
              "PUT " + CONNECTORS + "/" + S3 + "/pause",
              "PUT " + CONNECTORS + "/" + S3 + "/resume",
              "PUT " + CONNECTORS + "/" + S3 + "/stop"),
          traffic.exchanges().stream().map(e -> e.method() + " " + e.path()).toList());
      assertEquals(
          List.of(204, 202, 202, 202),
          traffic.exchanges().stream().map(PrismTraffic.Exchange::code).toList());
      assertAllAccepted(traffic);
    }

    @Test
    void restartAlwaysSendsBothFlags() {
      PrismTraffic traffic = new PrismTraffic();
      RedpandaConnectorClient client = client(traffic);

      client.restart(S3, RestartOptions.CONNECTOR_ONLY);
      client.restart(S3, new RestartOptions(true, false));
      client.restart(S3, new RestartOptions(true, true));
      client.restart(S3, null);

      assertEquals(
          List.of(
              "{\"include_tasks\":false,\"only_failed\":false}",
              "{\"include_tasks\":true,\"only_failed\":false}",
              "{\"include_tasks\":true,\"only_failed\":true}",
              "{\"include_tasks\":false,\"only_failed\":false}"),
          traffic.exchanges().stream().map(PrismTraffic.Exchange::body).toList());
      traffic.exchanges().forEach(e -> assertEquals(CONNECTORS + "/" + S3 + "/restart", e.path()));
      assertAllAccepted(traffic);
    }
  }

  @Test
  void topicsAreListed() {
    PrismTraffic traffic = new PrismTraffic();
    assertEquals(
        List.of("orders.public.order_lines", "orders.public.orders"), client(traffic).topics(S3));
    assertEquals(CONNECTORS + "/" + S3 + "/topics", traffic.exchanges().get(0).path());
    assertAllAccepted(traffic);

    PrismTraffic inactive = new PrismTraffic().prefer("GET", "/topics", "example=inactive");
    assertEquals(List.of(), client(inactive).topics(S3));
  }

  @Test
  void pluginsComeFromTheConnectCluster() {
    PrismTraffic traffic = new PrismTraffic();
    List<PluginInfo> plugins = client(traffic).plugins();

    assertEquals(
        List.of(
            new PluginInfo(
                "com.redpanda.kafka.connect.s3.S3SinkConnector", ConnectorType.SINK, "1.0.39"),
            new PluginInfo(
                "io.debezium.connector.postgresql.PostgresConnector",
                ConnectorType.SOURCE,
                "2.7.3.Final"),
            new PluginInfo(
                "org.apache.kafka.connect.mirror.MirrorSourceConnector",
                ConnectorType.SOURCE,
                "3.8.0")),
        plugins);
    assertEquals("/v1/kafka-connect/clusters/redpanda", traffic.exchanges().get(0).path());
    assertAllAccepted(traffic);
  }

  @Nested
  class Waiting {
    @Test
    void pauseCompletesOnceTheStatusSaysPaused() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=paused");
      List<String> progress = new ArrayList<>();

      ChangeResult result = client(traffic).pause(S3).await(WAIT, progress::add);

      assertEquals(S3, result.connector());
      assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
      assertEquals(1, result.polls());
      assertEquals(List.of("PAUSED (PAUSED)"), progress);
      assertEquals(
          List.of("PUT", "GET"),
          traffic.exchanges().stream().map(PrismTraffic.Exchange::method).toList());
      assertAllAccepted(traffic);
    }

    @Test
    void createResumeAndRestartCompleteOnRunning() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=running");
      RedpandaConnectorClient client = client(traffic);

      assertEquals(
          ConnectorState.RUNNING,
          client
              .create(new ConnectorDefinition(S3, Map.of("connector.class", "x")))
              .await(WAIT)
              .status()
              .orElseThrow()
              .state());
      assertEquals(
          ConnectorState.RUNNING, client.resume(S3).await(WAIT).status().orElseThrow().state());
      assertEquals(
          ConnectorState.RUNNING,
          client
              .restart(S3, new RestartOptions(true, true))
              .await(WAIT)
              .status()
              .orElseThrow()
              .state());
      assertAllAccepted(traffic);
    }

    @Test
    void stopCompletesOnStopped() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=stopped");
      ChangeResult result = client(traffic).stop(S3).await(WAIT);
      assertEquals(ConnectorState.STOPPED, result.status().orElseThrow().state());
    }

    @Test
    void updateConfigCompletesOnceSettled() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=paused");
      // Keys and values the spec's example reads back, so the worker "shows" the new config.
      ChangeResult result =
          client(traffic)
              .updateConfig(
                  S3,
                  Map.of(
                      "connector.class",
                      "com.redpanda.kafka.connect.s3.S3SinkConnector",
                      "tasks.max",
                      "2"))
              .await(WAIT);
      assertEquals(ConnectorState.PAUSED, result.status().orElseThrow().state());
    }

    @Test
    void deleteCompletesOnceTheStatusIsNotFound() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "code=404");
      ChangeResult result = client(traffic).delete(S3).await(WAIT);

      assertEquals(S3, result.connector());
      assertTrue(result.status().isEmpty());
      assertEquals(
          List.of(204, 404),
          traffic.exchanges().stream().map(PrismTraffic.Exchange::code).toList());
    }

    @Test
    void waitForDeletedWaitsUntilGone() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "code=404");
      PendingChange change = client(traffic).waitFor(S3, ConnectorState.DELETED);
      assertEquals("deleted", change.target());
      assertTrue(change.await(WAIT).status().isEmpty());
    }

    @Test
    void waitForAStateTheConnectorNeverReachesTimesOutNamingTheLastState() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=running");
      PendingChange change = client(traffic).waitFor(S3, ConnectorState.PAUSED);

      WaitTimeoutException e =
          assertThrows(WaitTimeoutException.class, () -> change.await(Duration.ofMillis(150)));

      assertEquals(S3, e.connector());
      assertEquals("RUNNING (RUNNING)", e.lastSeen());
      assertEquals("", e.operationId());
      assertTrue(e.getMessage().contains("'" + S3 + "' to be PAUSED"), e.getMessage());
      assertTrue(e.getMessage().contains("last seen: RUNNING"), e.getMessage());
      assertTrue(traffic.exchanges().size() >= 2, "it polled more than once");
    }

    @Test
    void aFailedTaskEndsAWaitForRunningAtOnceWithItsTrace() {
      PrismTraffic traffic =
          new PrismTraffic().prefer("GET", "/status", "code=200, example=failed-task");
      PendingChange change =
          client(traffic).create(new ConnectorDefinition(S3, Map.of("connector.class", "x")));

      ConnectorFailedException e =
          assertThrows(ConnectorFailedException.class, () -> change.await(WAIT));

      assertEquals(S3, e.connector());
      assertEquals(ErrorKind.FAILED, e.kind());
      assertTrue(e.trace().contains("S3Exception: Access Denied"), e.trace());
      assertTrue(e.getMessage().contains("task 1 FAILED"), e.getMessage());
      assertEquals(2, traffic.exchanges().size(), "one POST and a single poll");
    }

    @Test
    void aFailedConnectorEndsTheWaitAtOnceWithItsTrace() {
      PrismTraffic traffic =
          new PrismTraffic().prefer("GET", "/status", "code=200, example=failed-connector");
      PendingChange change =
          client(traffic).create(new ConnectorDefinition(S3, Map.of("connector.class", "x")));

      ConnectorFailedException e =
          assertThrows(ConnectorFailedException.class, () -> change.await(WAIT));

      assertEquals(S3, e.connector());
      assertTrue(
          e.trace().contains("password authentication failed for user \"debezium\""), e.trace());
      assertEquals(2, traffic.exchanges().size(), "one POST and a single poll");
    }

    @Test
    void aRestartingConnectorIsPolledOnUntilTheTimeout() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=restarting");
      PendingChange change = client(traffic).restart(S3, new RestartOptions(true, false));

      WaitTimeoutException e =
          assertThrows(WaitTimeoutException.class, () -> change.await(Duration.ofMillis(100)));
      assertEquals("RESTARTING (RESTARTING)", e.lastSeen());
    }

    @Test
    void aFailedTaskDoesNotCutAWaitForPausedShort() {
      PrismTraffic traffic = new PrismTraffic().prefer("GET", "/status", "example=failed-task");
      PendingChange change = client(traffic).waitFor(S3, ConnectorState.PAUSED);

      assertThrows(
          WaitTimeoutException.class,
          () -> change.await(Duration.ofMillis(100)),
          "a degraded connector may still be paused or stopped, so only the timeout ends this wait");
    }
  }

  @Nested
  class Errors {
    static Stream<Arguments> statuses() {
      return Stream.of(
          Arguments.of(
              404,
              NotFoundException.class,
              "NOT_FOUND/REASON_KAFKA_CONNECT_API_ERROR",
              "Connector orders-s3-sink not found",
              "GET",
              "/" + S3),
          Arguments.of(
              401,
              UnauthorizedException.class,
              "UNAUTHENTICATED",
              "no authorization header found in request",
              "GET",
              "/status"),
          Arguments.of(
              403,
              ForbiddenException.class,
              "PERMISSION_DENIED",
              "you are not allowed to edit Kafka Connect resources on this cluster",
              "PUT",
              "/pause"),
          Arguments.of(
              409,
              ConflictException.class,
              "ALREADY_EXISTS/REASON_KAFKA_CONNECT_API_ERROR",
              "Cannot complete request because of a conflicting operation (e.g. worker rebalance)",
              "POST",
              "/connectors"),
          Arguments.of(
              500,
              ServerErrorException.class,
              "INTERNAL/REASON_KAFKA_CONNECT_API_ERROR",
              "not able to parse response",
              "GET",
              "/connectors"));
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @MethodSource("statuses")
    void errorStatusesMapToTheirKind(
        int code,
        Class<? extends ConnectCloudException> type,
        String vendorCode,
        String vendorMessage,
        String method,
        String path) {
      PrismTraffic traffic = new PrismTraffic().prefer(method, path, "code=" + code);
      RedpandaConnectorClient client = client(traffic);
      Executable call =
          switch (path) {
            case "/status" -> () -> client.status(S3);
            case "/pause" -> () -> client.pause(S3);
            case "/connectors" ->
                method.equals("POST")
                    ? () ->
                        client.create(new ConnectorDefinition(S3, Map.of("connector.class", "x")))
                    : () -> client.listConnectors().iterator().hasNext();
            default -> () -> client.getConnector(S3);
          };

      ConnectCloudException e = assertThrows(type, call);

      assertEquals(Vendor.REDPANDA, e.vendor());
      assertEquals(code, e.httpStatus());
      assertEquals(vendorCode, e.vendorCode());
      assertEquals(vendorMessage, e.vendorMessage());
      assertTrue(e.getMessage().contains("on Connect cluster 'redpanda'"), e.getMessage());
      assertTrue(e.getMessage().contains(vendorMessage), e.getMessage());
      traffic.exchanges().forEach(x -> assertEquals(code, x.code()));
    }

    @Test
    void messagesNameTheOperationConnectorAndCluster() {
      PrismTraffic traffic = new PrismTraffic().prefer("PUT", "/pause", "code=404");
      NotFoundException e =
          assertThrows(NotFoundException.class, () -> client(traffic).pause("orders"));
      assertTrue(
          e.getMessage().contains("pause connector 'orders' on Connect cluster 'redpanda'"),
          e.getMessage());
      assertFalse(e.getMessage().contains(TOKEN));
    }
  }

  @Nested
  class RefusedBeforeSending {
    @Test
    void unsupportedOperationsThrowWithoutARequest() {
      PrismTraffic traffic = new PrismTraffic();
      RedpandaConnectorClient client = client(traffic);

      UnsupportedCapabilityException tasks =
          assertThrows(UnsupportedCapabilityException.class, () -> client.tasks(S3));
      UnsupportedCapabilityException offsets =
          assertThrows(UnsupportedCapabilityException.class, () -> client.offsets(S3));
      UnsupportedCapabilityException resume =
          assertThrows(UnsupportedCapabilityException.class, () -> client.resumeWait(S3, "op-1"));
      UnsupportedCapabilityException required =
          assertThrows(
              UnsupportedCapabilityException.class,
              () -> client.capabilities().require(Capability.OFFSETS));

      assertEquals(Capability.TASKS, tasks.capability());
      assertEquals(Capability.OFFSETS, offsets.capability());
      assertEquals(Capability.RESUME_WAIT, resume.capability());
      assertEquals(Capability.OFFSETS, required.capability());
      assertEquals(
          "redpanda does not support resuming a wait by its operation id", resume.getMessage());
      assertEquals(ErrorKind.UNSUPPORTED, tasks.kind());
      assertEquals(List.of(), traffic.exchanges());
    }

    @Test
    void maskedValuesAreRefusedNamingTheKeys() {
      PrismTraffic traffic = new PrismTraffic();
      RedpandaConnectorClient client = client(traffic);
      Map<String, String> config = new LinkedHashMap<>();
      config.put("connector.class", "com.redpanda.kafka.connect.s3.S3SinkConnector");
      config.put("aws.secret.access.key", "****");
      config.put("aws.access.key.id", "****");
      config.put("topics", "orders");

      InvalidRequestException update =
          assertThrows(InvalidRequestException.class, () -> client.updateConfig(S3, config));
      InvalidRequestException create =
          assertThrows(
              InvalidRequestException.class,
              () -> client.create(new ConnectorDefinition(S3, config)));

      for (InvalidRequestException e : List.of(update, create)) {
        assertTrue(e.getMessage().contains("'" + S3 + "'"), e.getMessage());
        assertTrue(
            e.getMessage().contains("aws.access.key.id, aws.secret.access.key"), e.getMessage());
        assertFalse(e.getMessage().contains("topics"), e.getMessage());
        assertEquals(
            List.of("config.aws.access.key.id", "config.aws.secret.access.key"),
            e.violations().stream().map(v -> v.field()).toList());
        assertEquals(0, e.httpStatus());
      }
      assertEquals(List.of(), traffic.exchanges());
    }

    @Test
    void emptyNamesAndMissingArgumentsAreRefused() {
      PrismTraffic traffic = new PrismTraffic();
      RedpandaConnectorClient client = client(traffic);

      for (Executable call :
          List.<Executable>of(
              () -> client.status(""),
              () -> client.getConnector(" "),
              () -> client.pause(null),
              () -> client.delete(""),
              () -> client.topics(""),
              () -> client.restart("", RestartOptions.CONNECTOR_ONLY),
              () -> client.create(new ConnectorDefinition("", Map.of())),
              () -> client.create(null),
              () -> client.updateConfig(S3, null),
              () -> client.waitFor(S3, null))) {
        assertThrows(InvalidRequestException.class, call);
      }
      assertEquals(List.of(), traffic.exchanges());
    }
  }
}
