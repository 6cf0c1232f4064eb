package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import io.connectctl.testfixtures.Eventually;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real Kafka 4.1.1 broker and Connect worker (the local cluster), ad hoc ({@code
 * --vendor kafka-connect --url …}) and through a {@code kafka-connect} context: every kafka-connect
 * command.
 */
@ExtendWith(LocalClusterExtension.class)
class KafkaConnectRealClusterCliTest {
  private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";

  @TempDir static Path dir;

  private static String url;

  @BeforeAll
  static void cluster(RunningCluster cluster) {
    url = cluster.connectUrl();
  }

  static CliRun cli(Path home, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--vendor", "kafka-connect", "--url", url));
    return CliRun.run(Map.of(), home, new VendorClientFactory(), all.toArray(String[]::new));
  }

  static Path manifest(
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

  static void eventually(String what, java.util.function.BooleanSupplier check) {
    Eventually.within(Duration.ofSeconds(60)).until(what, check);
  }

  static long lines(Path file) {
    try (Stream<String> lines =
        Files.exists(file) ? Files.lines(file, StandardCharsets.UTF_8) : Stream.empty()) {
      return lines.count();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  @Test
  void everyCommandOnARealWorker(@TempDir Path home) throws Exception {
    Path in = dir.resolve("cli-in.txt");
    Path out = dir.resolve("cli-out.txt");
    Files.write(in, List.of("a", "b", "c"));
    Path source = manifest("cli-source", SOURCE, "file", in, "topic", "cli-lines");
    Path sink = manifest("cli-sink", SINK, "file", out, "topics", "cli-lines");
    try {
      CliRun applied =
          cli(
              home,
              "apply",
              "-f",
              source.toString(),
              "-f",
              sink.toString(),
              "--wait",
              "-o",
              "json");
      assertEquals(0, applied.exitCode(), applied::toString);
      assertEquals(
          List.of("create", "create"),
          applied.jsonArray().stream().map(v -> v.get("action")).toList());
      assertEquals("kafka-connect", applied.jsonArray().get(0).get("vendor"));
      eventually("lines copied", () -> lines(out) == 3);

      CliRun list = cli(home, "get", "connectors");
      assertEquals(0, list.exitCode(), list::toString);
      assertTrue(
          list.out().lines().anyMatch(l -> l.startsWith("cli-source") && l.contains("RUNNING")),
          list::toString);
      CliRun status = cli(home, "status", "cli-source", "-o", "json");
      assertEquals("RUNNING", status.jsonObject().get("state"), status::toString);
      assertEquals("RUNNING", status.jsonObject().get("vendorState"));
      assertEquals(0, cli(home, "tasks", "cli-source").exitCode());
      assertEquals(0, cli(home, "plugins").exitCode());

      // config patch: the worker's own PATCH (Kafka 4.x), one key set and then removed
      CliRun patched =
          cli(home, "config", "patch", "cli-source", "--set", "batch.size=100", "--wait");
      assertEquals(0, patched.exitCode(), patched::toString);
      Map<?, ?> withKey =
          (Map<?, ?>)
              cli(home, "config", "get", "cli-source", "-o", "json").jsonObject().get("config");
      assertEquals("100", withKey.get("batch.size"), withKey::toString);
      assertEquals(in.toString(), withKey.get("file"), "the other keys are kept");
      CliRun unset = cli(home, "config", "patch", "cli-source", "--unset", "batch.size", "--wait");
      assertEquals(0, unset.exitCode(), unset::toString);
      Map<?, ?> without =
          (Map<?, ?>)
              cli(home, "config", "get", "cli-source", "-o", "json").jsonObject().get("config");
      assertFalse(without.containsKey("batch.size"), without::toString);
      assertEquals(in.toString(), without.get("file"));

      assertEquals(0, cli(home, "pause", "cli-source", "--wait").exitCode());
      assertEquals(0, cli(home, "resume", "cli-source", "--wait").exitCode());

      // offsets: refused while running, with a clear line and nothing sent
      CliRun refused = cli(home, "offsets", "reset", "cli-source");
      assertEquals(1, refused.exitCode(), refused::toString);
      assertTrue(refused.err().contains("STOPPED"), refused::toString);

      CliRun stop = cli(home, "stop", "cli-source", "--wait", "-o", "json");
      assertEquals("STOPPED", stop.jsonArray().get(0).get("state"), stop::toString);
      eventually(
          "offsets committed",
          () -> cli(home, "offsets", "cli-source", "-o", "json").out().contains("position"));
      Path offsets = dir.resolve("offsets.yaml");
      Files.writeString(
          offsets, "offsets:\n  - partition: {filename: " + in + "}\n    offset: {position: 2}\n");
      CliRun alter = cli(home, "offsets", "alter", "cli-source", "-f", offsets.toString());
      assertEquals(0, alter.exitCode(), alter::toString);
      CliRun read = cli(home, "offsets", "cli-source", "-o", "json");
      Map<?, ?> first = (Map<?, ?>) ((List<?>) read.jsonObject().get("offsets")).get(0);
      assertEquals(2.0, ((Map<?, ?>) first.get("offset")).get("position"), read::toString);
      CliRun reset = cli(home, "offsets", "reset", "cli-source", "-o", "json");
      assertEquals(0, reset.exitCode(), reset::toString);
      assertEquals(true, reset.jsonArray().get(0).get("ok"));
      assertEquals(0, cli(home, "resume", "cli-source", "--wait").exitCode());
      eventually("file read again after reset", () -> lines(out) == 6);

      assertEquals(0, cli(home, "restart", "cli-source", "--task", "0", "--wait").exitCode());
      assertEquals(
          0,
          cli(home, "restart", "cli-sink", "--include-tasks", "--only-failed", "--wait")
              .exitCode());
      assertEquals(0, cli(home, "topics", "cli-source").exitCode());

      CliRun loggers = cli(home, "loggers");
      assertEquals(0, loggers.exitCode(), loggers::toString);
      assertTrue(loggers.out().contains("root"), loggers::toString);
      CliRun set =
          cli(home, "loggers", "set", "org.apache.kafka.connect.file", "DEBUG", "-o", "json");
      assertEquals(0, set.exitCode(), set::toString);
      assertTrue(
          ((List<?>) set.jsonObject().get("changed")).contains("org.apache.kafka.connect.file"));
      assertEquals(
          0,
          cli(home, "loggers", "set", "org.apache.kafka.connect.file", "INFO", "--cluster-wide")
              .exitCode());
      assertEquals(
          2,
          cli(home, "loggers", "set", "x", "LOUD").exitCode(),
          "a level that does not exist is bad input");

      CliRun deleted = cli(home, "delete", "cli-source", "cli-sink", "--wait");
      assertEquals(0, deleted.exitCode(), deleted::toString);
      assertEquals(4, cli(home, "status", "cli-source").exitCode());
    } finally {
      cli(home, "delete", "cli-source", "cli-sink");
    }
  }

  @Test
  void validatePrintsEachFieldErrorAndExitsOne(@TempDir Path home) throws Exception {
    Path bad = dir.resolve("invalid.yaml");
    Files.writeString(
        bad, "name: invalid-sink\nconfig:\n  connector.class: " + SINK + "\n  file: /tmp/x.txt\n");
    CliRun run = cli(home, "validate", "-f", bad.toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.out().lines().anyMatch(l -> l.startsWith("invalid-sink: topics")), run::toString);
    Path good = manifest("valid-sink", SINK, "file", dir.resolve("v.txt"), "topics", "v");
    CliRun ok = cli(home, "validate", "-f", good.toString(), "-o", "json");
    assertEquals(0, ok.exitCode(), ok::toString);
    assertEquals(true, ok.jsonArray().get(0).get("valid"));
  }

  @Test
  void applyCreatesPausedAndARealFailureShowsItsTrace(@TempDir Path home) throws Exception {
    Path in = dir.resolve("paused-in.txt");
    Files.write(in, List.of("p"));
    Path paused = manifest("cli-paused", SOURCE, "file", in, "topic", "cli-paused");
    Path broken =
        manifest(
            "cli-broken", SINK, "file", dir.resolve("missing-dir").resolve("o.txt"), "topics", "b");
    try {
      CliRun run =
          cli(
              home,
              "apply",
              "-f",
              paused.toString(),
              "--initial-state",
              "paused",
              "--wait",
              "-o",
              "json");
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals("PAUSED", run.jsonArray().get(0).get("state"), run::toString);
      assertEquals(
          2, cli(home, "apply", "-f", paused.toString(), "--initial-state", "sideways").exitCode());

      CliRun failed = cli(home, "apply", "-f", broken.toString(), "--wait");
      assertEquals(1, failed.exitCode(), failed::toString);
      assertTrue(failed.err().contains("FAILED"), failed::toString);
      CliRun status = cli(home, "status", "cli-broken", "-o", "json");
      assertEquals("FAILED", status.jsonObject().get("state"), status::toString);
      Map<?, ?> task = (Map<?, ?>) ((List<?>) status.jsonObject().get("tasks")).get(0);
      assertTrue(String.valueOf(task.get("trace")).contains("Exception"), status::toString);
      Files.createDirectories(dir.resolve("missing-dir"));
      CliRun restarted =
          cli(
              home,
              "restart",
              "cli-broken",
              "--include-tasks",
              "--only-failed",
              "--wait",
              "-o",
              "json");
      assertEquals("RUNNING", restarted.jsonArray().get(0).get("state"), restarted::toString);
    } finally {
      cli(home, "delete", "cli-paused", "cli-broken");
    }
  }

  @Test
  void contextWithSeveralUrlsFailsOverAndAnUnreachableWorkerIsNamed(@TempDir Path home)
      throws Exception {
    String dead;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      dead = "http://127.0.0.1:" + socket.getLocalPort();
    }
    Path config = home.resolve("config.yaml");
    Files.writeString(
        config,
        "current-context: local\ncontexts:\n  local:\n    vendor: kafka-connect\n    urls:\n"
            + "      - "
            + dead
            + "\n      - "
            + url
            + "\n");
    CliRun failover =
        CliRun.run(
            Map.of("CONNECTCTL_CONFIG", config.toString()),
            home,
            new VendorClientFactory(),
            "get",
            "connectors");
    assertEquals(0, failover.exitCode(), failover::toString);

    CliRun adHoc =
        CliRun.run(
            Map.of(),
            home,
            new VendorClientFactory(),
            "get",
            "connectors",
            "--vendor",
            "kafka-connect",
            "--url",
            dead + "," + url);
    assertEquals(0, adHoc.exitCode(), adHoc::toString);

    CliRun unreachable =
        CliRun.run(
            Map.of(),
            home,
            new VendorClientFactory(),
            "status",
            "x",
            "--vendor",
            "kafka-connect",
            "--url",
            dead);
    assertEquals(1, unreachable.exitCode(), unreachable::toString);
    assertTrue(unreachable.err().contains(dead), unreachable::toString);
    assertFalse(unreachable.err().contains("\tat "), "no stack trace");
  }
}
