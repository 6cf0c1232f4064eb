package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskConfig;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Confluent facade client against the Confluent gateway over the real worker, through the
 * validating proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfluentGatewayFacadeTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  static final Duration WAIT = Duration.ofSeconds(60);
  static final String SECRET = "cf-db-password-value";

  @TempDir static Path dir;
  static ConnectorClient client;
  static ConfluentGateway gateway;
  static WorkerView worker;
  static Path input;

  @BeforeAll
  static void client() throws IOException {
    Sandbox s = SANDBOX.sandbox();
    gateway = s.confluent;
    client = client(s, "LOCALKEY1");
    worker = new WorkerView(s.worker);
    input = dir.resolve("cf-input.txt");
    Files.write(input, List.of("one", "two", "three"));
  }

  static ConnectorClient client(Sandbox s, String key) {
    return ConfluentConnectorClient.builder()
        .baseUrl(s.confluentProxy.url())
        .environment(s.confluent.environmentId())
        .kafkaCluster(s.confluent.clusterId())
        .credentials(StaticCredentials.basic(key, "local-api-secret"))
        .pollingPolicy(new PollingPolicy(Duration.ofMillis(100), 1.5, Duration.ofMillis(500)))
        .build();
  }

  @AfterAll
  static void close() {
    for (String name : List.of("cf-source", "cf-broken-sink")) {
      worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
    }
    client.close();
  }

  static Map<String, String> source() {
    return Map.of(
        "connector.class",
        "org.apache.kafka.connect.file.FileStreamSourceConnector",
        "tasks.max",
        "1",
        "file",
        input.toString(),
        "topic",
        "cf-lines",
        "kafka.api.key",
        "LOCALKEY1",
        "kafka.api.secret",
        "local-api-secret",
        "database.password",
        SECRET);
  }

  @Test
  @Order(1)
  void seedCreateIsProvisioningThenRunning() {
    List<String> seen = new ArrayList<>();
    ChangeResult created =
        client.create(new ConnectorDefinition("cf-source", source())).await(WAIT, seen::add);
    assertEquals(ConnectorState.RUNNING, created.status().orElseThrow().state(), seen::toString);
    assertTrue(
        seen.stream().anyMatch(s -> s.contains("PROVISIONING")),
        () -> "never saw PROVISIONING: " + seen);
    assertEquals("RUNNING", worker.state("cf-source"));
  }

  @Test
  @Order(2)
  void seedResumeAndRestart() {
    assertEquals(
        ConnectorState.PAUSED,
        client.pause("cf-source").await(WAIT).status().orElseThrow().state());
    assertEquals("PAUSED", worker.state("cf-source"));
    ChangeResult resumed = client.resume("cf-source").await(WAIT);
    assertEquals(ConnectorState.RUNNING, resumed.status().orElseThrow().state());
    assertEquals("RUNNING", worker.state("cf-source"));
    ChangeResult restarted = client.restart("cf-source", RestartOptions.CONNECTOR_ONLY).await(WAIT);
    assertEquals(ConnectorState.RUNNING, restarted.status().orElseThrow().state());
    assertEquals(List.of("RUNNING"), worker.taskStates("cf-source"));
  }

  @Test
  @Order(3)
  void secretsAreMaskedOnEveryReadWhileTheWorkerHasTheRealValue() {
    Map<String, String> config = client.getConnector("cf-source").config();
    assertEquals("****", config.get("database.password"));
    assertEquals("****", config.get("kafka.api.secret"));
    assertEquals("LOCALKEY1", config.get("kafka.api.key"));
    assertEquals(SECRET, worker.config("cf-source").get("database.password"));
    for (ConnectorListing listing : client.listConnectors()) {
      if (listing.connector().name().equals("cf-source")) {
        assertEquals("****", listing.connector().config().get("database.password"));
      }
    }
    // definitions from one listing (ten names or more; the others do not exist) are masked the
    // same, and statuses come from a listing without them
    List<String> names = new java.util.ArrayList<>(List.of("cf-source"));
    for (int i = 0; i < 9; i++) {
      names.add("cf-absent-" + i);
    }
    var read = client.getConnectors(names);
    assertEquals(config, read.items().get(0).value().orElseThrow().config());
    assertEquals(
        9,
        read.failures().stream()
            .filter(
                i ->
                    i.error().orElseThrow()
                        instanceof io.connectctl.facade.errors.NotFoundException)
            .count());
    assertTrue(
        client.listStatuses().stream()
            .anyMatch(s -> s.name().equals("cf-source") && s.state() == ConnectorState.RUNNING));
    // Sending the mask back is refused before anything is sent; real values go through.
    assertThrows(InvalidRequestException.class, () -> client.updateConfig("cf-source", config));
    Map<String, String> desired = new HashMap<>(source());
    desired.put("topic", "cf-lines-2");
    assertEquals(
        ConnectorState.RUNNING,
        client.updateConfig("cf-source", desired).await(WAIT).status().orElseThrow().state());
    assertEquals("cf-lines-2", worker.config("cf-source").get("topic"));
    assertEquals(SECRET, worker.config("cf-source").get("database.password"));
  }

  @Test
  @Order(4)
  void tasksOffsetsAndPlugins() {
    List<TaskConfig> tasks = client.tasks("cf-source");
    assertEquals(1, tasks.size());
    assertEquals(input.toString(), tasks.get(0).config().get("file"));

    ConnectorOffsets offsets =
        Eventually.within(WAIT)
            .every(Duration.ofMillis(300))
            .until(
                "the source's own offset",
                () -> client.offsets("cf-source"),
                o -> !ours(o).isEmpty());
    // The source's own offset: its file and the byte position after the three lines it read.
    List<ConnectorOffsets.PartitionOffset> ours = ours(offsets);
    assertEquals(1, ours.size(), offsets::toString);
    assertEquals(
        14L, ((Number) ours.get(0).offset().get("position")).longValue(), offsets::toString);
    assertFalse(offsets.observedAt().isEmpty());

    assertTrue(
        client.plugins().stream().anyMatch(p -> p.className().endsWith("FileStreamSinkConnector")));
  }

  @Test
  @Order(5)
  void aRealFailedConnectorWithItsTrace() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    Map<String, String> sink =
        Map.of(
            "connector.class",
            "org.apache.kafka.connect.file.FileStreamSinkConnector",
            "tasks.max",
            "1",
            "topics",
            "cf-lines",
            "file",
            notADirectory.resolve("out.txt").toString());
    ConnectorFailedException failed =
        assertThrows(
            ConnectorFailedException.class,
            () -> client.create(new ConnectorDefinition("cf-broken-sink", sink)).await(WAIT));
    assertTrue(failed.trace().contains("out.txt"), failed::trace);
    ConnectorStatus status = client.status("cf-broken-sink");
    assertEquals(ConnectorState.FAILED, status.state());
    assertEquals("FAILED", status.vendorState());
    assertEquals(List.of("FAILED"), worker.taskStates("cf-broken-sink"));
    client.delete("cf-broken-sink").await(WAIT);
    assertFalse(worker.exists("cf-broken-sink"));
  }

  @Test
  @Order(6)
  void a429StormIsAbsorbedByRetries() {
    Sandbox s = SANDBOX.sandbox();
    long before = gateway.throttledCount();
    gateway.limitRate(8, Duration.ofSeconds(1));
    try (ConnectorClient storm = client(s, "STORMKEY")) {
      for (int i = 0; i < 30; i++) {
        assertEquals("cf-source", storm.status("cf-source").name());
      }
    } finally {
      gateway.limitRate(0, Duration.ofSeconds(1));
    }
    assertTrue(gateway.throttledCount() > before, "the gateway never throttled");
  }

  @Test
  @Order(7)
  void unknownConnectorIsNotFoundAndATakenNameConflicts() {
    assertThrows(NotFoundException.class, () -> client.status("cf-no-such-connector"));
    assertThrows(NotFoundException.class, () -> client.getConnector("cf-no-such-connector"));
    assertThrows(
        ConflictException.class,
        () -> client.create(new ConnectorDefinition("cf-source", source())));
  }

  @Test
  @Order(8)
  void deleteRemovesIt() {
    client.delete("cf-source").await(WAIT);
    assertFalse(worker.exists("cf-source"));
  }

  /**
   * Confluent's offsets requests through the facade: alter (a position past the end) then reset
   * (read again).
   */
  @Test
  @Order(7)
  void offsetsAlteredAndResetThroughOffsetsRequests() {
    ChangeResult altered =
        client
            .alterOffsets(
                "cf-source",
                List.of(
                    new ConnectorOffsets.PartitionOffset(
                        Map.of("filename", input.toString()), Map.of("position", 100))))
            .await(WAIT);
    assertEquals("cf-source", altered.connector());
    Eventually.within(WAIT).until("offset altered to 100", () -> positionIs(100));
    assertTrue(positionIs(100), () -> "offset altered to 100: " + client.offsets("cf-source"));
    client.resetOffsets("cf-source").await(WAIT);
    Eventually.within(WAIT).until("offset back to 14 after the reset", () -> positionIs(14));
    assertTrue(
        positionIs(14),
        () -> "after the reset the file is read again: " + client.offsets("cf-source"));
  }

  /** Validation through Confluent's endpoint reaches the worker's plugin. */
  @Test
  @Order(7)
  void validateNamesTheFieldInError() {
    Map<String, String> noTopic = new HashMap<>(source());
    noTopic.remove("topic");
    var invalid = client.validate(new ConnectorDefinition("cf-check", noTopic));
    assertFalse(invalid.valid());
    assertTrue(
        invalid.errors().stream().anyMatch(f -> f.name().equals("topic")), invalid::toString);
    assertTrue(client.validate(new ConnectorDefinition("cf-check", source())).valid());
  }

  private static boolean positionIs(long position) {
    List<ConnectorOffsets.PartitionOffset> ours = ours(client.offsets("cf-source"));
    return ours.size() == 1
        && ((Number) ours.get(0).offset().get("position")).longValue() == position;
  }

  private static List<ConnectorOffsets.PartitionOffset> ours(ConnectorOffsets offsets) {
    return offsets.offsets().stream()
        .filter(o -> input.toString().equals(o.partition().get("filename")))
        .toList();
  }
}
