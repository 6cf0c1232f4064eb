package io.connectctl.local;

import static io.connectctl.local.LocalClusterLifecycleTest.alive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.local.junit.LocalClusterExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The caller of a tied cluster is killed with SIGKILL (no shutdown hook runs): its children notice
 * and exit, and where they could not, the next start stops them before starting anew.
 */
class KilledCallerTest {
  private final List<Long> pids = new ArrayList<>();
  private Process caller;

  @AfterEach
  void cleanUp() {
    if (caller != null) {
      caller.destroyForcibly();
    }
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void childrenExitWhenTheirCallerIsKilled() throws Exception {
    Path dir = fresh("killed-caller-watchdog");
    long[] children = startCaller(dir, true);
    caller.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL on Linux and macOS
    assertTrue(
        Rest.await(Duration.ofSeconds(45), () -> !alive(children[0]) && !alive(children[1])),
        "broker and worker still running after their caller died");
    LocalCluster next =
        LocalCluster.builder(dir).kafkaLib(LocalClusterExtension.kafkaLib()).build();
    assertTrue(next.status().isEmpty(), "a dead cluster is not reported as running");
  }

  @Test
  void nextStartStopsWhatAKilledCallerLeftBehind() throws Exception {
    Path dir = fresh("killed-caller-orphans");
    long[] orphans = startCaller(dir, false);
    caller.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Rest.sleep(2000);
    assertTrue(
        alive(orphans[0]) && alive(orphans[1]),
        "without the watchdog the children outlive their caller");

    LocalCluster next =
        LocalCluster.builder(dir).kafkaLib(LocalClusterExtension.kafkaLib()).build();
    try {
      RunningCluster running = next.start();
      assertTrue(running.startedNow(), "the orphans of a dead caller are not taken over");
      assertFalse(alive(orphans[0]) || alive(orphans[1]), "the orphans were stopped");
      assertNotEquals(orphans[1], running.workerPid());
      assertEquals(200, new Rest(running.connectUrl()).get("/").status());
    } finally {
      next.stop();
    }
  }

  private static Path fresh(String name) {
    Path dir = Path.of("target", name).toAbsolutePath();
    LocalCluster.builder(dir).kafkaLib(LocalClusterExtension.kafkaLib()).build().stop();
    LocalClusterExtension.deleteRecursively(dir);
    return dir;
  }

  /** Starts {@link CallerMain} in a JVM of its own; returns the broker's and the worker's pids. */
  private long[] startCaller(Path dir, boolean watchdog) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    caller =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-D"
                    + io.connectctl.local.LocalCluster.KAFKA_LIB_PROPERTY
                    + "="
                    + LocalClusterExtension.kafkaLib(),
                CallerMain.class.getName(),
                dir.toString(),
                Boolean.toString(watchdog))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(caller.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          long[] children = {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
          pids.add(children[0]);
          pids.add(children[1]);
          return children;
        }
      }
    }
    throw new AssertionError(
        "the caller exited before its cluster was ready (exit " + caller.exitValue() + ")");
  }
}
