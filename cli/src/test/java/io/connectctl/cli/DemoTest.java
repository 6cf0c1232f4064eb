package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connectctl demo}: the whole tour, part 1 on a real local Kafka Connect cluster (lines checked on disk), part
 * 2 against its own Prism mocks, through the real vendor clients.
 */
class DemoTest {
  @TempDir
  static Path home;

  /** The demo takes a minute (a real cluster starts and stops): it runs once, both tests read its output. */
  private static CliRun run;

  private static synchronized CliRun demo() {
    if (run == null) {
      run = CliRun.run(Map.of("PATH", System.getenv().getOrDefault("PATH", "")), home, new VendorClientFactory(),
          "demo");
    }
    return run;
  }

  @Test
  void theTourRunsEveryStepAndExitsZero() {
    CliRun run = demo();
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("$ connectctl get connectors --all-contexts"), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("demo-yandex\\s+yandex\\s+replicate-orders\\s+RUNNING\\s+-")),
        run::toString);
    assertTrue(run.out().contains("Demo finished: all 29 steps worked (16 on the real local cluster, 13 on the "
        + "cloud mocks)."), run::toString);
    assertTrue(run.err().contains("error: yandex does not support stop"), run::toString);
    assertTrue(run.out().contains("Stopped the mocks."), run::toString);
  }

  @Test
  void theLocalStoryReallyMovesLinesAndLeavesNoProcessBehind() {
    CliRun run = demo();
    assertEquals(0, run.exitCode(), run::toString);
    String out = run.out();
    int part1 = out.indexOf("== Part 1: a real Kafka Connect cluster on this machine ==");
    int part2 = out.indexOf("== Part 2: the three clouds, on MOCKS");
    assertTrue(part1 >= 0 && part2 > part1, run::toString);
    assertTrue(out.contains("out.txt has 3 lines: first line | second line | third line"), run::toString);
    assertTrue(out.contains("out.txt still has 3 lines 4 s later (in.txt has 5)"), run::toString);
    assertTrue(out.contains("out.txt has 5 lines"), run::toString);
    assertTrue(out.contains("out.txt has 10 lines: first line | second line | third line | fourth line | fifth line"
        + " | first line"), run::toString);
    assertTrue(run.err().contains("demo-broken-sink") && run.err().contains("FAILED"), run::toString);
    assertTrue(out.contains("trace:") && out.contains("Exception"), run::toString);
    assertTrue(out.indexOf("Stopped the local cluster") < part2, run::toString);
    assertTrue(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .noneMatch(p -> p.info().commandLine().orElse("").contains("kafka")), "no Kafka JVM left behind");
  }
}
