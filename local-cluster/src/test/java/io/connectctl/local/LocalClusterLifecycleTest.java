package io.connectctl.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.local.junit.LocalClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start, find running, stop without leftovers, start again on the same data. */
class LocalClusterLifecycleTest {
  private final Path dir = Path.of("target/lifecycle-test").toAbsolutePath();
  private final LocalCluster cluster =
      LocalCluster.builder(dir).kafkaLib(LocalClusterExtension.kafkaLib()).build();

  @AfterEach
  void stop() {
    cluster.stop();
  }

  @Test
  void startsOnceStopsCleanlyAndKeepsItsData() {
    cluster.stop();
    LocalClusterExtension.deleteRecursively(dir);
    RunningCluster first = cluster.start();
    assertTrue(first.startedNow());
    assertTrue(alive(first.brokerPid()) && alive(first.workerPid()));
    assertTrue(Files.exists(dir.resolve("run.properties")), "pid file");
    assertTrue(
        Files.exists(dir.resolve("logs/broker.log"))
            && Files.exists(dir.resolve("logs/worker.log")));

    RunningCluster again = cluster.start();
    assertFalse(again.startedNow(), "a second start finds the running cluster");
    assertEquals(first.connectUrl(), again.connectUrl());
    assertEquals(first.workerPid(), again.workerPid());
    assertEquals(first.connectUrl(), cluster.status().orElseThrow().connectUrl());

    Rest rest = new Rest(first.connectUrl());
    assertEquals(
        201,
        rest.putConfig(
                "kept",
                Map.of(
                    "connector.class",
                    "FileStreamSource",
                    "file",
                    dir.resolve("nothing.txt").toString(),
                    "topic",
                    "kept"))
            .status());

    assertTrue(cluster.stop());
    assertTrue(
        Rest.await(
            Duration.ofSeconds(5), () -> !alive(first.brokerPid()) && !alive(first.workerPid())),
        "no process left behind");
    assertFalse(Files.exists(dir.resolve("run.properties")), "pid file removed");
    assertTrue(cluster.status().isEmpty());
    assertFalse(cluster.stop(), "nothing left to stop");
    assertTrue(Files.exists(dir.resolve("kafka/meta.properties")), "data kept");

    RunningCluster second = cluster.start();
    assertTrue(second.startedNow());
    assertNotEquals(first.workerPid(), second.workerPid());
    assertEquals(first.connectUrl(), second.connectUrl(), "the same port while it is free");
    assertEquals(
        List.of("kept"),
        new Rest(second.connectUrl()).get("/connectors").list(),
        "connectors survive a restart");
  }

  @Test
  void missingKafkaJarsAreNamed() {
    Path nowhere = dir.resolveSibling("no-kafka-lib");
    LocalCluster broken =
        LocalCluster.builder(dir.resolveSibling("no-cluster")).kafkaLib(nowhere).build();
    LocalClusterException e = assertThrows(LocalClusterException.class, broken::start);
    assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("./mvnw"), e.getMessage());
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
