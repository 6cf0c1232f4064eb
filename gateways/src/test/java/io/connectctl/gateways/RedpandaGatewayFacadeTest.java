package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
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
 * The Redpanda facade client against the Redpanda gateway over the real worker, through the
 * validating proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedpandaGatewayFacadeTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path dir;
  static ConnectorClient client;
  static WorkerView worker;
  static Path input;

  @BeforeAll
  static void client() throws IOException {
    Sandbox s = SANDBOX.sandbox();
    client =
        RedpandaConnectorClient.builder()
            .baseUrl(s.redpandaProxy.url())
            .credentials(StaticCredentials.bearer("local-redpanda-token"))
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(100), 1.5, Duration.ofMillis(500)))
            .build();
    worker = new WorkerView(s.worker);
    input = dir.resolve("rp-input.txt");
    Files.write(input, List.of("alpha", "beta", "gamma"));
  }

  @AfterAll
  static void close() {
    for (String name :
        List.of("rp-source", "rp-broken-sink", "rp-page-a", "rp-page-b", "rp-page-c")) {
      worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
    }
    client.close();
  }

  static Map<String, String> source(String topic) {
    return Map.of(
        "connector.class",
        "org.apache.kafka.connect.file.FileStreamSourceConnector",
        "tasks.max",
        "1",
        "file",
        input.toString(),
        "topic",
        topic);
  }

  @Test
  @Order(1)
  void seedCreateThenPauseObservedOnTheWorker() {
    List<String> seen = new ArrayList<>();
    ChangeResult created =
        client
            .create(new ConnectorDefinition("rp-source", source("rp-lines")))
            .await(WAIT, seen::add);
    assertEquals(ConnectorState.RUNNING, created.status().orElseThrow().state(), seen::toString);
    assertEquals("RUNNING", worker.state("rp-source"));
    assertEquals(List.of("RUNNING"), worker.taskStates("rp-source"));

    ChangeResult paused = client.pause("rp-source").await(WAIT);
    ConnectorStatus status = paused.status().orElseThrow();
    assertEquals(ConnectorState.PAUSED, status.state());
    assertEquals("PAUSED", status.vendorState());
    assertEquals("CONNECTOR_HOLISTIC_STATE_PAUSED", status.vendorDetails().get("holistic_state"));
    // Redpanda's holistic state follows the connector instance; the worker itself reports the pause
    // on the
    // connector at once and on its task as soon as the task has stopped processing.
    assertEquals("PAUSED", worker.state("rp-source"));
    worker.await("rp-source", s -> List.of("PAUSED").equals(worker.taskStates("rp-source")), WAIT);
  }

  @Test
  @Order(2)
  void resumeRestartStopAndResumeAgain() {
    assertEquals(
        ConnectorState.RUNNING,
        client.resume("rp-source").await(WAIT).status().orElseThrow().state());
    assertEquals("RUNNING", worker.state("rp-source"));

    ConnectorStatus restarted =
        client
            .restart("rp-source", new RestartOptions(true, false))
            .await(WAIT)
            .status()
            .orElseThrow();
    assertEquals(ConnectorState.RUNNING, restarted.state());
    assertEquals(
        "CONNECTOR_HOLISTIC_STATE_HEALTHY", restarted.vendorDetails().get("holistic_state"));

    assertEquals(
        ConnectorState.STOPPED,
        client.stop("rp-source").await(WAIT).status().orElseThrow().state());
    assertEquals("STOPPED", worker.state("rp-source"));
    worker.await("rp-source", s -> worker.taskStates("rp-source").isEmpty(), WAIT);
    assertEquals(
        ConnectorState.RUNNING,
        client.resume("rp-source").await(WAIT).status().orElseThrow().state());
  }

  @Test
  @Order(3)
  void readsConfigTopicsAndPlugins() {
    var connector = client.getConnector("rp-source");
    assertEquals("rp-lines", connector.config().get("topic"));
    assertEquals(input.toString(), connector.config().get("file"));

    // The source really wrote to its topic, and the worker tracked it as an active topic.
    List<String> topics =
        Eventually.within(WAIT)
            .every(Duration.ofMillis(300))
            .until(
                "rp-lines among the active topics",
                () -> client.topics("rp-source"),
                t -> t.contains("rp-lines"));
    assertEquals(List.of("rp-lines"), topics);

    List<PluginInfo> plugins = client.plugins();
    assertTrue(
        plugins.stream().anyMatch(p -> p.className().endsWith("FileStreamSourceConnector")),
        plugins::toString);
    assertTrue(
        plugins.stream().anyMatch(p -> p.className().endsWith("MirrorSourceConnector")),
        plugins::toString);
  }

  @Test
  @Order(4)
  void updateConfigReachesTheWorker() {
    Map<String, String> config = new HashMap<>(client.getConnector("rp-source").config());
    config.put("topic", "rp-lines-2");
    ChangeResult updated = client.updateConfig("rp-source", config).await(WAIT);
    assertEquals(ConnectorState.RUNNING, updated.status().orElseThrow().state());
    assertEquals("rp-lines-2", worker.config("rp-source").get("topic"));
    assertEquals("rp-lines-2", client.getConnector("rp-source").config().get("topic"));
  }

  @Test
  @Order(5)
  void listingPagesThroughEveryConnector() {
    for (String name : List.of("rp-page-a", "rp-page-b", "rp-page-c")) {
      client.create(new ConnectorDefinition(name, source("rp-page"))).await(WAIT);
    }
    List<String> names = new ArrayList<>();
    for (ConnectorListing listing : client.listConnectors()) {
      names.add(listing.connector().name());
    }
    assertTrue(
        names.containsAll(List.of("rp-page-a", "rp-page-b", "rp-page-c", "rp-source")),
        names::toString);
    for (String name : List.of("rp-page-a", "rp-page-b", "rp-page-c")) {
      client.delete(name).await(WAIT);
      assertFalse(worker.exists(name));
    }
  }

  @Test
  @Order(6)
  void aRealFailedTaskEndsTheWaitWithItsTrace() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    Map<String, String> sink =
        Map.of(
            "connector.class",
            "org.apache.kafka.connect.file.FileStreamSinkConnector",
            "tasks.max",
            "1",
            "topics",
            "rp-lines",
            "file",
            notADirectory.resolve("out.txt").toString());
    ConnectorFailedException failed =
        assertThrows(
            ConnectorFailedException.class,
            () -> client.create(new ConnectorDefinition("rp-broken-sink", sink)).await(WAIT));
    assertTrue(failed.trace().contains("FileStreamSinkTask"), failed::trace);
    ConnectorStatus status = client.status("rp-broken-sink");
    assertEquals(ConnectorState.FAILED, status.state());
    assertEquals(
        "CONNECTOR_HOLISTIC_STATE_UNHEALTHY", status.vendorDetails().get("holistic_state"));
    assertEquals(List.of("FAILED"), worker.taskStates("rp-broken-sink"));
    assertTrue(status.firstTrace().contains("out.txt"), status::firstTrace);
    client.delete("rp-broken-sink").await(WAIT);
  }

  @Test
  @Order(7)
  void unknownConnectorIsNotFoundAndATakenNameConflicts() {
    NotFoundException e =
        assertThrows(NotFoundException.class, () -> client.status("rp-no-such-connector"));
    assertTrue(e.getMessage().contains("rp-no-such-connector"), e::getMessage);
    assertThrows(NotFoundException.class, () -> client.pause("rp-no-such-connector"));
    assertThrows(
        ConflictException.class,
        () -> client.create(new ConnectorDefinition("rp-source", source("rp-lines"))));
  }

  @Test
  @Order(8)
  void deleteRemovesItFromTheWorker() {
    client.delete("rp-source").await(WAIT);
    assertFalse(worker.exists("rp-source"));
  }
}
