package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.ConnectorClientFactory;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.cli.move.MigrationStates;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.move.Migration;
import io.connectctl.facade.move.MigrationJournal;
import io.connectctl.facade.move.MigrationOptions;
import io.connectctl.facade.move.MigrationPlan;
import io.connectctl.facade.move.MigrationStep;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import io.connectctl.testfixtures.Eventually;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving connectors between TWO real local Kafka + Connect clusters (started once for the class,
 * stopped after it): a FileStreamSource that has sent 100 lines in cluster A goes on from line 101
 * in cluster B, through {@code migrate} and through {@code offsets export} + {@code offsets
 * import}; an interrupted migration re-run ends as an uninterrupted one; {@code --dry-run} sends no
 * write; {@code --rollback} puts the source back. B's topic is read back by a FileStreamSink in B.
 */
class MovingConnectorsRealClustersTest {
  private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
  private static final Set<String> WRITES =
      Set.of(
          "create",
          "updateConfig",
          "delete",
          "pause",
          "resume",
          "restart",
          "stop",
          "alterOffsets",
          "resetOffsets",
          "patchConfig");

  @TempDir static Path dir;

  private static LocalCluster clusterA;
  private static LocalCluster clusterB;
  private static RunningCluster a;
  private static RunningCluster b;
  private static final Map<String, String> env = new HashMap<>();
  private static final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void clusters() throws Exception {
    clusterA = cluster("a");
    clusterB = cluster("b");
    try {
      a = clusterA.start();
      b = clusterB.start();
    } catch (RuntimeException e) {
      stopClusters();
      throw e;
    }
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        "current-context: a\ncontexts:\n  a:\n    vendor: kafka-connect\n    url: "
            + a.connectUrl()
            + "\n  b:\n    vendor: kafka-connect\n    url: "
            + b.connectUrl()
            + "\n");
    env.put("CONNECTCTL_CONFIG", config.toString());
  }

  private static LocalCluster cluster(String name) {
    Path data = dir.resolve("cluster-" + name);
    return LocalCluster.builder(data)
        .kafkaLib(LocalClusterExtension.kafkaLib())
        .tiedToCaller(true)
        .build();
  }

  @AfterAll
  static void stopClusters() {
    for (LocalCluster cluster : new LocalCluster[] {clusterA, clusterB}) {
      if (cluster != null) {
        cluster.stop();
      }
    }
  }

  /** The CLI with real clients, recording every client method called. */
  private static CliRun cli(String... args) {
    VendorClientFactory real = new VendorClientFactory();
    ConnectorClientFactory counting =
        (target, credentials, settings) -> {
          ConnectorClient client = real.create(target, credentials, settings);
          return (ConnectorClient)
              Proxy.newProxyInstance(
                  ConnectorClient.class.getClassLoader(),
                  new Class<?>[] {ConnectorClient.class},
                  (proxy, method, methodArgs) -> {
                    calls.add(target.context() + ":" + method.getName());
                    try {
                      return method.invoke(client, methodArgs);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
        };
    return CliRun.run(env, dir, counting, args);
  }

  private static ConnectorClient client(RunningCluster cluster) {
    return KafkaConnectConnectorClient.builder().url(cluster.connectUrl()).build();
  }

  private static void eventually(String what, java.util.function.BooleanSupplier check) {
    Eventually.within(Duration.ofSeconds(120)).until(what, check);
  }

  private static List<String> lines(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "line-" + i).toList();
  }

  private static List<String> read(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  /** A source in A that has sent lines 1..100 of its file, with its offsets committed. */
  private static Path sourceInA(String name, String topic) throws Exception {
    Path in = dir.resolve(name + ".txt");
    Files.write(in, lines(1, 100));
    assertOk(
        cli(
            "apply",
            "-f",
            manifest(name, SOURCE, "file", in, "topic", topic).toString(),
            "--context",
            "a",
            "--wait"));
    long size = Files.size(in);
    try (ConnectorClient client = client(a)) {
      eventually(
          name + " committed all 100 lines in A",
          () ->
              client.offsets(name).offsets().stream()
                  .anyMatch(
                      o ->
                          o.offset().get("position") instanceof Number n && n.longValue() == size));
    }
    return in;
  }

  /** A sink in B writing B's {@code topic} to a file, to see what reached B's topic. */
  private static Path sinkInB(String name, String topic) throws Exception {
    Path out = dir.resolve(name + "-out.txt");
    assertOk(
        cli(
            "apply",
            "-f",
            manifest(name, SINK, "file", out, "topics", topic).toString(),
            "--context",
            "b",
            "--wait"));
    return out;
  }

  private static Path manifest(
      String name, String connectorClass, String fileKey, Path file, String topicKey, String topic)
      throws Exception {
    Path path = dir.resolve(name + ".yaml");
    Files.writeString(
        path,
        "name: "
            + name
            + "\nconfig:\n  connector.class: "
            + connectorClass
            + "\n  "
            + fileKey
            + ": "
            + file
            + "\n  "
            + topicKey
            + ": "
            + topic
            + "\n  tasks.max: \"1\"\n");
    return path;
  }

  private static void assertOk(CliRun run) {
    assertEquals(0, run.exitCode(), run::toString);
  }

  /** Appends lines 101..150 and checks B's topic holds exactly them, in order. */
  private static void goesOnFrom101(Path in, Path out) throws Exception {
    Files.write(in, lines(101, 150), StandardOpenOption.APPEND);
    eventually("lines 101..150 in B's topic", () -> read(out).size() >= 50);
    assertEquals(lines(101, 150), read(out), "B's topic: none of 1..100, none of 101..150 missing");
  }

  @Test
  void migrateCarriesTheSourcePositionAndDryRunSendsNoWrite() throws Exception {
    Path in = sourceInA("mig-src", "mig-lines");
    Path out = sinkInB("mig-sink", "mig-lines");

    calls.clear();
    CliRun dry = cli("migrate", "mig-src", "--from", "a", "--to", "b", "--dry-run");
    assertOk(dry);
    assertTrue(dry.out().contains("offsets: carried"), dry::toString);
    assertTrue(dry.out().contains("connector.class: " + SOURCE), dry::toString);
    assertTrue(dry.out().contains("(dry run: nothing changed)"), dry::toString);
    assertTrue(
        calls.stream().noneMatch(c -> WRITES.contains(c.substring(c.indexOf(':') + 1))),
        () -> "a dry run sent writes: " + calls);
    try (ConnectorClient clientB = client(b)) {
      assertThrows(NotFoundException.class, () -> clientB.status("mig-src"));
    }

    CliRun migrated = cli("migrate", "mig-src", "--from", "a", "--to", "b", "-o", "json");
    assertOk(migrated);
    Map<String, Object> view = migrated.jsonArray().get(0);
    assertEquals("carried", view.get("offsets"), migrated::toString);
    assertEquals(true, view.get("ok"));
    try (ConnectorClient clientA = client(a);
        ConnectorClient clientB = client(b)) {
      assertEquals(ConnectorState.STOPPED, clientA.status("mig-src").state());
      assertEquals(ConnectorState.RUNNING, clientB.status("mig-src").state());
    }
    goesOnFrom101(in, out);

    // a re-run of a finished migration changes nothing
    calls.clear();
    CliRun again = cli("migrate", "mig-src", "--from", "a", "--to", "b");
    assertOk(again);
    assertTrue(again.out().contains("done in an earlier run"), again::toString);
    assertTrue(
        calls.stream().noneMatch(c -> WRITES.contains(c.substring(c.indexOf(':') + 1))),
        () -> "a finished migration re-run sent writes: " + calls);
  }

  @Test
  void offsetsExportAndImportCarryThePositionByHand() throws Exception {
    Path in = sourceInA("snap-src", "snap-lines");
    Path out = sinkInB("snap-sink", "snap-lines");
    assertOk(cli("stop", "snap-src", "--context", "a", "--wait"));
    Path file = dir.resolve("snapshot.yaml");
    CliRun export = cli("offsets", "export", "snap-src", "--context", "a", "-f", file.toString());
    assertOk(export);
    String text = Files.readString(file);
    assertTrue(
        text.contains("name: snap-src")
            && text.contains("vendor: kafka-connect")
            && text.contains("context: a")
            && text.contains("readAt:"),
        text);

    // the same connector in B, created stopped under another name; import renames
    Path manifest = manifest("snap-src-b", SOURCE, "file", in, "topic", "snap-lines");
    assertOk(
        cli("apply", "-f", manifest.toString(), "--context", "b", "--initial-state", "stopped"));
    // the worker reports a new connector's status a moment after the create is answered
    try (ConnectorClient clientB = client(b)) {
      eventually(
          "snap-src-b reported STOPPED in B",
          () -> {
            try {
              return clientB.status("snap-src-b").state() == ConnectorState.STOPPED;
            } catch (NotFoundException e) {
              return false;
            }
          });
    }
    calls.clear();
    CliRun dry =
        cli(
            "offsets",
            "import",
            "-f",
            file.toString(),
            "--context",
            "b",
            "--rename",
            "snap-src=snap-src-b",
            "--dry-run");
    assertOk(dry);
    assertTrue(
        calls.stream().noneMatch(c -> WRITES.contains(c.substring(c.indexOf(':') + 1))),
        () -> "a dry run sent writes: " + calls);
    CliRun imported =
        cli(
            "offsets",
            "import",
            "-f",
            file.toString(),
            "--context",
            "b",
            "--rename",
            "snap-src=snap-src-b",
            "-o",
            "json");
    assertOk(imported);
    assertEquals("restored", imported.jsonArray().get(0).get("outcome"), imported::toString);
    assertEquals("snap-src-b", imported.jsonArray().get(0).get("name"));
    assertOk(cli("resume", "snap-src-b", "--context", "b", "--wait"));
    goesOnFrom101(in, out);
  }

  @Test
  void anInterruptedMigrationReRunEndsAsAnUninterruptedOneAndRollsBack() throws Exception {
    Path in = sourceInA("int-src", "int-lines");
    Path out = sinkInB("int-sink", "int-lines");
    Path state = MigrationStates.file(env, dir, "a", "b", "int-src");
    try (ConnectorClient clientA = client(a);
        ConnectorClient clientB = client(b)) {
      MigrationPlan plan =
          Migration.plan(clientA, "a", clientB, "b", "int-src", MigrationOptions.defaults());
      // killed after the target was created, before its offsets were written
      RuntimeException killed = new IllegalStateException("killed between steps");
      RuntimeException thrown =
          assertThrows(
              IllegalStateException.class,
              () ->
                  Migration.run(
                      plan,
                      clientA,
                      clientB,
                      Map.of(),
                      MigrationJournal.at(state),
                      Duration.ofMinutes(2),
                      new Migration.Listener() {
                        @Override
                        public void starting(MigrationStep step) {
                          if (step == MigrationStep.WRITE_OFFSETS) {
                            throw killed;
                          }
                        }
                      }));
      assertEquals(killed, thrown);
      assertEquals(ConnectorState.STOPPED, clientB.status("int-src").state());
    }
    CliRun rerun = cli("migrate", "int-src", "--from", "a", "--to", "b");
    assertOk(rerun);
    assertTrue(rerun.out().contains("step create-target: done in an earlier run"), rerun::toString);
    assertTrue(rerun.out().contains("step write-offsets: 1 partition(s)"), rerun::toString);
    try (ConnectorClient clientA = client(a);
        ConnectorClient clientB = client(b)) {
      assertEquals(ConnectorState.STOPPED, clientA.status("int-src").state());
      assertEquals(ConnectorState.RUNNING, clientB.status("int-src").state());
    }
    goesOnFrom101(in, out);

    CliRun rollback = cli("migrate", "int-src", "--from", "a", "--to", "b", "--rollback");
    assertOk(rollback);
    try (ConnectorClient clientA = client(a);
        ConnectorClient clientB = client(b)) {
      assertThrows(NotFoundException.class, () -> clientB.status("int-src"));
      eventually(
          "source RUNNING again in A",
          () -> clientA.status("int-src").state() == ConnectorState.RUNNING);
    }
    assertTrue(!Files.exists(state), "the state file is removed by a rollback");
  }
}
