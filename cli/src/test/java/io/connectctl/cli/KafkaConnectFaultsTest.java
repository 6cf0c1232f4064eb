package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on the real local cluster: nothing lost, nothing silently half-done. (Unreachable workers
 * and fail-over are in {@link KafkaConnectRealClusterCliTest}.)
 */
@ExtendWith(LocalClusterExtension.class)
class KafkaConnectFaultsTest {
  private static final String SOURCE = "org.apache.kafka.connect.file.FileStreamSourceConnector";

  @TempDir Path dir;

  private static CliRun cli(String url, Path home, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--vendor", "kafka-connect", "--url", url));
    return CliRun.run(Map.of(), home, new VendorClientFactory(), all.toArray(String[]::new));
  }

  private static Set<String> names(String url, String prefix) {
    try (var client = KafkaConnectConnectorClient.builder().url(url).build()) {
      Set<String> names = new HashSet<>();
      List<String> all = new ArrayList<>();
      for (ConnectorListing listing : client.listConnectors()) {
        if (listing.name().startsWith(prefix)) {
          all.add(listing.name());
          names.add(listing.name());
        }
      }
      assertEquals(all.size(), names.size(), "no duplicate connector");
      return names;
    }
  }

  @Test
  void aConnectorDeletedDuringWaitEndsTheWaitClearly(RunningCluster cluster, @TempDir Path home)
      throws Exception {
    String url = cluster.connectUrl();
    Path in = Files.writeString(dir.resolve("in.txt"), "x\n");
    Path manifest =
        Files.writeString(
            dir.resolve("doomed.yaml"),
            "name: doomed\nconfig:\n  connector.class: "
                + SOURCE
                + "\n  file: "
                + in
                + "\n  topic: doomed\n");
    assertEquals(0, cli(url, home, "apply", "-f", manifest.toString(), "--wait").exitCode());
    long polledBefore = statusReads(cluster, "doomed");
    long start = System.nanoTime();
    CompletableFuture<CliRun> waiting =
        CompletableFuture.supplyAsync(
            () -> cli(url, home, "wait", "doomed", "--for", "STOPPED", "--timeout", "3m"));
    // The worker's request log shows the wait's status reads (two new ones: the apply's last read
    // may be logged late, and the wait goes on after a RUNNING answer).
    Eventually.within(Duration.ofSeconds(60))
        .until(
            "the worker answered the wait's status reads",
            () -> statusReads(cluster, "doomed"),
            reads -> reads >= polledBefore + 2);
    assertFalse(waiting.isDone(), "the wait is still polling");
    assertEquals(0, cli(url, home, "delete", "doomed").exitCode());
    CliRun waited = waiting.get(60, TimeUnit.SECONDS);
    assertTrue(
        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "ended long before its timeout");
    assertEquals(4, waited.exitCode(), waited::toString);
    assertTrue(
        waited.err().contains("doomed") && waited.err().contains("deleted"), waited::toString);
    assertFalse(waited.err().contains("\tat "), "no stack trace");
  }

  @Test
  void workerKilledDuringApplyOfThirtyThenRestartedConverges(
      RunningCluster cluster, @TempDir Path home) throws Exception {
    String url = cluster.connectUrl();
    Path manifests = Files.createDirectories(dir.resolve("thirty"));
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String name = String.format("bulk-%02d", i);
      all.add(name);
      Files.writeString(
          manifests.resolve(name + ".yaml"),
          "name: "
              + name
              + "\nconfig:\n  connector.class: "
              + SOURCE
              + "\n  file: "
              + dir.resolve(name + ".txt")
              + "\n  topic: "
              + name
              + "\n  tasks.max: \"1\"\n");
    }
    // Kill the worker (SIGKILL) as soon as a few of the thirty exist.
    AtomicBoolean killed = new AtomicBoolean();
    CompletableFuture<Void> killer =
        CompletableFuture.runAsync(
            () -> {
              Eventually.within(Duration.ofSeconds(120))
                  .every(Duration.ofMillis(20))
                  .ignoring(RuntimeException.class)
                  .until("three of the thirty exist", () -> names(url, "bulk-").size() >= 3);
              ProcessHandle.of(cluster.workerPid()).ifPresent(ProcessHandle::destroyForcibly);
              killed.set(true);
            });
    CliRun first = cli(url, home, "apply", "-f", manifests.toString(), "-o", "json");
    killer.get(150, TimeUnit.SECONDS);
    assertTrue(killed.get(), "the worker was killed during the apply");
    assertNotEquals(0, first.exitCode(), first::toString);

    List<Map<String, Object>> report = first.jsonArray();
    Set<String> applied = new HashSet<>();
    Set<String> failed = new HashSet<>();
    for (Map<String, Object> entry : report) {
      (Boolean.TRUE.equals(entry.get("ok")) ? applied : failed).add((String) entry.get("name"));
    }
    assertEquals(30, report.size(), "every connector is reported once: " + first);
    assertEquals(new HashSet<>(all), union(applied, failed));
    assertFalse(failed.isEmpty(), first::toString);
    for (String name : failed) {
      assertTrue(
          first.err().contains("'" + name + "'") || first.err().contains(name),
          name + " named in " + first.err());
    }

    // Restart the cluster from the same data: what was reported applied is there.
    RunningCluster again =
        LocalCluster.builder(cluster.dataDir())
            .kafkaLib(LocalClusterExtension.kafkaLib())
            .tiedToCaller(true)
            .build()
            .start();
    String url2 = again.connectUrl();
    Set<String> present = names(url2, "bulk-");
    assertTrue(present.containsAll(applied), "applied " + applied + " but present " + present);

    // Running it again converges: thirty connectors, each once.
    CliRun second = cli(url2, home, "apply", "-f", manifests.toString(), "-o", "json");
    assertEquals(0, second.exitCode(), second::toString);
    for (Map<String, Object> entry : second.jsonArray()) {
      if (applied.contains((String) entry.get("name"))) {
        assertEquals("unchanged", entry.get("action"), entry.toString());
      }
    }
    // A restarted worker may still be reading the configs back.
    Eventually.within(Duration.ofSeconds(30))
        .every(Duration.ofMillis(500))
        .untilAsserted(
            "all thirty present once",
            () ->
                assertEquals(
                    new HashSet<>(all),
                    names(url2, "bulk-"),
                    "first:\n" + first + "\nsecond:\n" + second));
    assertEquals(
        0, cli(url2, home, "delete", "--selector", "^bulk-", "--yes", "--wait").exitCode());
  }

  /**
   * How many {@code GET /connectors/NAME/status} requests the worker has logged (its request log,
   * one line per answered request).
   */
  private static long statusReads(RunningCluster cluster, String name) throws IOException {
    Path log = cluster.logDir().resolve("worker.log");
    String request = "\"GET /connectors/" + name + "/status ";
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains(request)).count();
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new HashSet<>(a);
    out.addAll(b);
    assertEquals(a.size() + b.size(), out.size(), "no connector is both applied and failed");
    return out;
  }
}
