package io.connectctl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.gateways.ConnectWorker;
import io.connectctl.gateways.RedpandaGateway;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.RunningCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed tasks that can run on a real Kafka Connect worker, run on one: a Kafka broker and a Connect worker started
 * from Kafka's jars (the {@code local-cluster} launcher), directly for self-managed Kafka Connect and behind the local
 * Redpanda gateway (the Redpanda Data Plane API translated to the worker's). Where the mocks accept any config, the
 * worker starts the connector, so a config the connector cannot run with fails here.
 *
 * <p>Needs Kafka's jars: {@code -Dconnectctl.kafka.lib=DIR} (examples-it passes the checkout's
 * {@code local-cluster/target/kafka-lib}); without the property the test is skipped, so the project builds on its own.
 */
class SeedTasksRealWorkerTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final PollingPolicy FAST = new PollingPolicy(Duration.ofMillis(50), 2.0, Duration.ofMillis(500));

  private static LocalCluster launcher;
  private static RunningCluster cluster;
  private static RedpandaGateway redpanda;

  @BeforeAll
  static void startWorker() {
    String lib = System.getProperty(LocalCluster.KAFKA_LIB_PROPERTY, "");
    assumeTrue(!lib.isBlank(), "no -D" + LocalCluster.KAFKA_LIB_PROPERTY + ": no real worker to run on");
    assertTrue(Files.isDirectory(Path.of(lib)), LocalCluster.KAFKA_LIB_PROPERTY + "=" + lib + " is not a directory");
    launcher = LocalCluster.builder(Path.of("target", "real-worker").toAbsolutePath())
        .kafkaLib(Path.of(lib))
        .tiedToCaller(true)
        .build();
    cluster = launcher.start();
    redpanda = RedpandaGateway.start(new ConnectWorker(cluster.connectUrl()));
  }

  @AfterAll
  static void stopWorker() {
    if (redpanda != null) {
      redpanda.close();
    }
    if (launcher != null) {
      launcher.stop();
    }
  }

  @Test
  void redpandaCreatesAHeartbeatConnectorAndPausesIt() {
    try (ConnectorClient client = RedpandaConnectorClient.builder()
        .baseUrl(redpanda.url())
        .credentials(StaticCredentials.bearer("local"))
        .pollingPolicy(FAST)
        .build()) {
      ChangeResult paused =
          SeedTasks.createAndPause(client, SeedTasks.heartbeats("rp-heartbeats", cluster.bootstrapServers()), TIMEOUT);

      assertEquals(ConnectorState.PAUSED, paused.status().orElseThrow().state());
      assertEquals(ConnectorState.PAUSED, client.status("rp-heartbeats").state());
    }
  }

  @Test
  void kafkaConnectCreatesAHeartbeatConnectorAndRestartsItsFailedTasks() {
    try (ConnectorClient client = KafkaConnectConnectorClient.builder()
        .url(cluster.connectUrl())
        .credentials(StaticCredentials.none())
        .pollingPolicy(FAST)
        .build()) {
      ChangeResult restarted = SeedTasks.createAndRestartFailedTasks(
          client, SeedTasks.heartbeats("kc-heartbeats", cluster.bootstrapServers()), TIMEOUT);

      assertEquals(ConnectorState.RUNNING, restarted.status().orElseThrow().state());
      assertEquals("RUNNING", client.status("kc-heartbeats").vendorState());
    }
  }
}
