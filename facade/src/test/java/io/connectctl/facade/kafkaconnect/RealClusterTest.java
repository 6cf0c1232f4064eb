package io.connectctl.facade.kafkaconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConfigValidation;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorOffsets;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.LoggerLevel;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.NetworkException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kafka-connect client against a real Kafka 4.1.1 broker and Connect worker (the local
 * cluster): every operation, with FileStream connectors whose effects are checked on disk.
 */
@ExtendWith(LocalClusterExtension.class)
class RealClusterTest {
  private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static KafkaConnectConnectorClient client;
  private static String url;

  @TempDir static Path dir;

  @BeforeAll
  static void connect(RunningCluster cluster) {
    url = cluster.connectUrl();
    client =
        KafkaConnectConnectorClient.builder()
            .url(url)
            .credentials(StaticCredentials.none())
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(100), 1.5, Duration.ofMillis(500)))
            .build();
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
    }
  }

  private static Map<String, String> source(Path file, String topic) {
    return Map.of(
        "connector.class", SOURCE, "file", file.toString(), "topic", topic, "tasks.max", "1");
  }

  private static Map<String, String> sink(Path file, String topic) {
    return Map.of(
        "connector.class", SINK, "file", file.toString(), "topics", topic, "tasks.max", "1");
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  private static void eventually(String what, Eventually.Check check) {
    Eventually.within(WAIT).untilAsserted(what, check);
  }

  private static void deleteQuietly(String name) {
    try {
      client.delete(name).await(WAIT);
    } catch (NotFoundException gone) {
      // already gone
    }
  }

  @Test
  void pipelineLifecycleAndOffsets() throws Exception {
    Path in = dir.resolve("lifecycle-in.txt");
    Path out = dir.resolve("lifecycle-out.txt");
    Files.write(in, List.of("one", "two", "three"));
    String topic = "lifecycle";
    try {
      ChangeResult created =
          client.create(new ConnectorDefinition("lc-source", source(in, topic))).await(WAIT);
      assertEquals(ConnectorState.RUNNING, created.status().orElseThrow().state());
      client.create(new ConnectorDefinition("lc-sink", sink(out, topic))).await(WAIT);
      eventually(
          "three lines copied", () -> assertEquals(List.of("one", "two", "three"), lines(out)));

      List<String> listed = new ArrayList<>();
      for (ConnectorListing listing : client.listConnectors()) {
        listed.add(listing.name());
      }
      assertTrue(listed.containsAll(List.of("lc-source", "lc-sink")), listed.toString());
      // the statuses-only listing (expand=status) of the same worker: same names, sorted, with
      // states and the worker's type, and no definitions to read
      List<ConnectorStatus> statuses = client.listStatuses().toList();
      assertEquals(
          listed.stream().sorted().toList(), statuses.stream().map(ConnectorStatus::name).toList());
      ConnectorStatus sourceStatus =
          statuses.stream().filter(st -> st.name().equals("lc-source")).findFirst().orElseThrow();
      assertEquals(ConnectorState.RUNNING, sourceStatus.state());
      assertEquals(ConnectorType.SOURCE, sourceStatus.type());
      assertEquals(1, sourceStatus.tasks().size());
      Connector connector = client.getConnector("lc-source");
      assertEquals(in.toString(), connector.config().get("file"));
      assertEquals(1, client.tasks("lc-source").size());
      eventually("topic recorded", () -> assertEquals(List.of(topic), client.topics("lc-source")));
      assertTrue(client.plugins().stream().map(PluginInfo::className).anyMatch(SOURCE::equals));
      assertTrue(client.workerVersion().startsWith("4."), client.workerVersion());

      // pause: lines stop; resume: they flow again
      assertEquals(
          ConnectorState.PAUSED,
          client.pause("lc-source").await(WAIT).status().orElseThrow().state());
      assertEquals(
          List.of(ConnectorState.PAUSED),
          client.status("lc-source").tasks().stream().map(TaskStatus::state).toList(),
          "the worker reports the source's task paused");
      Files.write(in, List.of("four"), java.nio.file.StandardOpenOption.APPEND);
      // The event to wait for: a running pipeline on the same worker, reading the same file, has
      // copied the new line; the paused one has not.
      Path control = dir.resolve("lifecycle-control-out.txt");
      try {
        client
            .create(new ConnectorDefinition("lc-control-source", source(in, topic + "-control")))
            .await(WAIT);
        client
            .create(new ConnectorDefinition("lc-control-sink", sink(control, topic + "-control")))
            .await(WAIT);
        eventually(
            "the running control pipeline copied the new line",
            () -> assertEquals(List.of("one", "two", "three", "four"), lines(control)));
      } finally {
        deleteQuietly("lc-control-source");
        deleteQuietly("lc-control-sink");
      }
      assertEquals(3, lines(out).size(), "no line flows while the source is paused");
      client.resume("lc-source").await(WAIT);
      eventually("the fourth line after resume", () -> assertEquals(4, lines(out).size()));

      // offsets are changed only while STOPPED: refused before sending otherwise
      ConflictException running =
          assertThrows(ConflictException.class, () -> client.resetOffsets("lc-source"));
      assertTrue(running.getMessage().contains("STOPPED"), running.getMessage());

      assertEquals(
          ConnectorState.STOPPED,
          client.stop("lc-source").await(WAIT).status().orElseThrow().state());
      eventually(
          "source offset committed",
          () -> {
            ConnectorOffsets offsets = client.offsets("lc-source");
            assertEquals(1, offsets.offsets().size(), offsets.toString());
            assertEquals(in.toString(), offsets.offsets().get(0).partition().get("filename"));
            assertTrue(
                ((Number) offsets.offsets().get(0).offset().get("position")).longValue() > 0);
          });

      // alter: back to the start of the second line ("one\n" is 4 bytes): two, three, four again
      Map<String, Object> position = new HashMap<>();
      position.put(
          "position", 4.0); // as a JSON/YAML reader delivers it: must be sent as the integer 4
      client
          .alterOffsets(
              "lc-source",
              List.of(
                  new ConnectorOffsets.PartitionOffset(
                      Map.of("filename", in.toString()), position)))
          .await(WAIT);
      assertEquals(4L, client.offsets("lc-source").offsets().get(0).offset().get("position"));
      client.resume("lc-source").await(WAIT);
      eventually(
          "lines re-read from the altered offset",
          () ->
              assertEquals(
                  List.of("one", "two", "three", "four", "two", "three", "four"), lines(out)));

      // reset: the source reads the whole file again
      client.stop("lc-source").await(WAIT);
      client.resetOffsets("lc-source").await(WAIT);
      // the worker's offset reads follow its offsets topic: seen once after a reset (it failed
      // here at times when read straight after)
      eventually(
          "offsets empty after reset",
          () -> assertTrue(client.offsets("lc-source").offsets().isEmpty()));
      client.resume("lc-source").await(WAIT);
      eventually("whole file re-read after reset", () -> assertEquals(11, lines(out).size()));

      // sink offsets have the Kafka shape
      client.stop("lc-sink").await(WAIT);
      eventually(
          "sink offsets",
          () -> {
            ConnectorOffsets offsets = client.offsets("lc-sink");
            assertFalse(offsets.offsets().isEmpty());
            assertEquals(topic, offsets.offsets().get(0).partition().get("kafka_topic"));
          });
      client
          .alterOffsets(
              "lc-sink",
              List.of(
                  new ConnectorOffsets.PartitionOffset(
                      Map.of("kafka_topic", topic, "kafka_partition", 0),
                      Map.of("kafka_offset", 2))))
          .await(WAIT);
      assertEquals(2L, client.offsets("lc-sink").offsets().get(0).offset().get("kafka_offset"));
    } finally {
      deleteQuietly("lc-source");
      deleteQuietly("lc-sink");
    }
    assertThrows(NotFoundException.class, () -> client.status("lc-source"));
  }

  @Test
  void theConnectClusterIsTheWorkersOwnWithVersionAndPlugins() {
    List<io.connectctl.facade.ConnectCluster> clusters = client.clusters().list();
    assertEquals(1, clusters.size(), clusters::toString);
    io.connectctl.facade.ConnectCluster cluster = clusters.get(0);
    assertEquals("4.1.1", cluster.version());
    assertFalse(cluster.kafkaClusterId().isEmpty());
    assertEquals(cluster.kafkaClusterId(), cluster.name());
    assertTrue(
        cluster.plugins().stream()
            .anyMatch(p -> p.className().endsWith("FileStreamSourceConnector")),
        cluster::toString);
    assertEquals(cluster, client.clusters().get(cluster.name()));
    NotFoundException missing =
        assertThrows(NotFoundException.class, () -> client.clusters().get("elsewhere"));
    assertTrue(missing.getMessage().contains("elsewhere"), missing::getMessage);
    assertTrue(client.capabilities().supports(io.connectctl.facade.Capability.CLUSTERS));
  }

  @Test
  void createPausedAndStopped() throws Exception {
    Path in = dir.resolve("paused-in.txt");
    Files.write(in, List.of("x"));
    try {
      ChangeResult paused =
          client
              .create(
                  new ConnectorDefinition("created-paused", source(in, "paused")),
                  ConnectorState.PAUSED)
              .await(WAIT);
      assertEquals(ConnectorState.PAUSED, paused.status().orElseThrow().state());
      ChangeResult stopped =
          client
              .create(
                  new ConnectorDefinition("created-stopped", source(in, "stopped")),
                  ConnectorState.STOPPED)
              .await(WAIT);
      assertEquals(ConnectorState.STOPPED, stopped.status().orElseThrow().state());
      assertEquals("STOPPED", client.status("created-stopped").vendorState());
    } finally {
      deleteQuietly("created-paused");
      deleteQuietly("created-stopped");
    }
  }

  @Test
  void realFailedTaskWithTraceThenRestartOnlyFailedAndOneTask() throws Exception {
    Path missing = dir.resolve("not-yet").resolve("out.txt");
    try {
      ConnectorFailedException failed =
          assertThrows(
              ConnectorFailedException.class,
              () ->
                  client
                      .create(new ConnectorDefinition("failing-sink", sink(missing, "failing")))
                      .await(WAIT));
      assertTrue(failed.trace().contains("Exception"), failed.trace());
      ConnectorStatus status = client.status("failing-sink");
      assertEquals(ConnectorState.FAILED, status.state());
      TaskStatus task = status.tasks().get(0);
      assertEquals(ConnectorState.FAILED, task.state());
      assertTrue(
          task.trace().contains(missing.getParent().toString()) || task.trace().contains("out.txt"),
          task.trace());

      // still failing: a task restart cannot help until the directory exists
      Files.createDirectories(missing.getParent());
      ChangeResult restarted =
          client.restart("failing-sink", new RestartOptions(true, true)).await(WAIT);
      assertEquals(ConnectorState.RUNNING, restarted.status().orElseThrow().state());
      assertEquals(ConnectorState.RUNNING, client.status("failing-sink").tasks().get(0).state());

      // one task: fail it again by removing the directory, restart task 0 once it is back
      // the update is applied, and its wait ends with the failure it causes
      ConnectorFailedException afterPatch =
          assertThrows(
              ConnectorFailedException.class,
              () ->
                  client
                      .patchConfig(
                          "failing-sink",
                          Map.of("file", dir.resolve("gone").resolve("x.txt").toString()))
                      .await(WAIT));
      assertTrue(afterPatch.getMessage().contains("x.txt"), afterPatch.getMessage());
      eventually(
          "task failed after the patch",
          () ->
              assertEquals(
                  ConnectorState.FAILED, client.status("failing-sink").tasks().get(0).state()));
      Files.createDirectories(dir.resolve("gone"));
      client.restartTask("failing-sink", 0).await(WAIT);
      eventually(
          "task 0 running",
          () ->
              assertEquals(
                  ConnectorState.RUNNING, client.status("failing-sink").tasks().get(0).state()));
    } finally {
      deleteQuietly("failing-sink");
    }
  }

  @Test
  void patchConfigSetsAndRemovesKeys() throws Exception {
    Path in = dir.resolve("patch-in.txt");
    Files.write(in, List.of("p"));
    Map<String, String> config = new LinkedHashMap<>(source(in, "patch"));
    config.put("batch.size", "100");
    try {
      client.create(new ConnectorDefinition("patched", config)).await(WAIT);
      Map<String, String> changes = new HashMap<>();
      changes.put("topic", "patch-2");
      changes.put("batch.size", null);
      client.patchConfig("patched", changes).await(WAIT);
      Map<String, String> after = client.getConnector("patched").config();
      assertEquals("patch-2", after.get("topic"));
      assertFalse(after.containsKey("batch.size"), after.toString());
      assertEquals(in.toString(), after.get("file"));
    } finally {
      deleteQuietly("patched");
    }
  }

  @Test
  void validateReportsFieldErrors() {
    Map<String, String> noTopics = Map.of("connector.class", SINK, "file", "/tmp/x.txt");
    ConfigValidation bad = client.validate(new ConnectorDefinition("v-bad", noTopics));
    assertFalse(bad.valid());
    assertTrue(bad.errorCount() > 0);
    assertTrue(
        bad.errors().stream().anyMatch(f -> f.name().startsWith("topics")),
        bad.errors().toString());
    ConfigValidation good =
        client.validate(new ConnectorDefinition("v-good", sink(dir.resolve("v.txt"), "v")));
    assertTrue(good.valid(), good.errors().toString());
  }

  @Test
  void loggersReadAndSet() throws Exception {
    assertTrue(client.loggers().stream().map(LoggerLevel::logger).anyMatch("root"::equals));
    String logger = "org.apache.kafka.connect.file";
    List<String> changed = client.setLogLevel(logger, "debug", false);
    assertTrue(changed.contains(logger), changed.toString());
    assertEquals(
        "DEBUG",
        client.loggers().stream()
            .filter(l -> l.logger().equals(logger))
            .findFirst()
            .orElseThrow()
            .level());
    assertTrue(client.setLogLevel(logger, "INFO", true).isEmpty());
    eventually(
        "cluster-wide level applied",
        () ->
            assertEquals(
                "INFO",
                client.loggers().stream()
                    .filter(l -> l.logger().equals(logger))
                    .findFirst()
                    .orElseThrow()
                    .level()));
  }

  /**
   * Many creates, restarts and deletes at once make the worker rebalance again and again; requests
   * it answers with 409 meanwhile are retried, so every operation succeeds. A single local worker
   * seldom answers 409 by itself, so a relay in front of it answers the first attempt of every
   * change with the worker's own stale-config 409 and forwards the rest: every refused request must
   * reach the worker afterwards (the retry) and succeed there, and any 409 the worker sends itself
   * must be followed by the same request again.
   */
  @Test
  void conflictsDuringRebalanceAreRetried() throws Exception {
    RebalancingRelay relay = new RebalancingRelay(url);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    // A storm of rebalances: more patience than the default five attempts.
    io.connectctl.facade.RetryPolicy patient =
        new io.connectctl.facade.RetryPolicy(
            15, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofMinutes(2), 0.2);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(relay);
      server.start(java.net.InetAddress.getLoopbackAddress(), 0);
      try (KafkaConnectConnectorClient busy =
          KafkaConnectConnectorClient.builder()
              .url(server.url("/").toString())
              .retryPolicy(patient)
              .build()) {
        storm(busy, pool, "busy-");
      }
    } finally {
      pool.shutdownNow();
      relay.close();
    }
    List<String> refused = relay.refused();
    List<RebalancingRelay.Exchange> forwarded = relay.forwarded();
    // 12 creates, 12 restarts and 12 deletes, each refused once
    assertEquals(36, refused.size(), refused::toString);
    for (String request : refused) {
      assertTrue(
          forwarded.stream().anyMatch(e -> e.request().equals(request) && e.code() < 300),
          () -> "refused with 409 but never retried with success: " + request);
    }
    for (int i = 0; i < forwarded.size(); i++) {
      if (forwarded.get(i).code() == 409) {
        String key = forwarded.get(i).request();
        assertTrue(
            forwarded.subList(i + 1, forwarded.size()).stream()
                .anyMatch(e -> e.request().equals(key)),
            () -> "the worker's 409 to '" + key + "' was not retried");
      }
    }
    for (int i = 0; i < 12; i++) {
      String name = "busy-" + i;
      assertThrows(NotFoundException.class, () -> client.status(name), name + " deleted");
    }
  }

  /**
   * Twelve connectors created, restarted and deleted at once by eight threads; every operation must
   * succeed.
   */
  private static void storm(KafkaConnectConnectorClient busy, ExecutorService pool, String prefix)
      throws Exception {
    List<Future<?>> work = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String name = prefix + i;
      Path in = dir.resolve(name + ".txt");
      Files.write(in, List.of(name));
      work.add(
          pool.submit(
              () -> {
                busy.create(new ConnectorDefinition(name, source(in, name))).await(WAIT);
                busy.restart(name, new RestartOptions(true, false)).await(WAIT);
                busy.delete(name).await(WAIT);
                return null;
              }));
    }
    for (Future<?> f : work) {
      f.get(3, TimeUnit.MINUTES);
    }
  }

  @Test
  void failsOverToTheNextWorkerAndNamesUnreachableOnes() throws Exception {
    String dead;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + socket.getLocalPort();
    }
    try (KafkaConnectConnectorClient failover =
        KafkaConnectConnectorClient.builder().urls(List.of(dead, url)).build()) {
      assertTrue(failover.workerVersion().startsWith("4."));
      failover.listConnectors().forEach(c -> {});
    }
    try (KafkaConnectConnectorClient unreachable =
        KafkaConnectConnectorClient.builder().url(dead).build()) {
      NetworkException e = assertThrows(NetworkException.class, () -> unreachable.status("x"));
      assertTrue(e.getMessage().contains(dead), e.getMessage());
    }
  }
}
