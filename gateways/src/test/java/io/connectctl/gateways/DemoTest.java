package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code connectctl demo} end to end, as a newcomer runs it: part 1 on a real broker and worker of
 * its own (lines checked on disk), part 2 on a second one with the gateways in a child JVM from
 * {@code target/gateways-lib}, and nothing of it left running afterwards. The demo takes a minute
 * or two: it runs once, both tests read its output.
 */
class DemoTest {
  private static CliRun run;

  private static synchronized CliRun demo() {
    if (run == null) {
      Path home;
      try {
        home = Files.createTempDirectory("demo-test-home-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      run =
          CliRun.run(
              Map.of("PATH", System.getenv().getOrDefault("PATH", "")),
              home,
              new VendorClientFactory(),
              "demo");
    }
    return run;
  }

  @Test
  void theLocalStoryReallyMovesLines() {
    CliRun run = demo();
    String text = run.toString();
    assertEquals(0, run.exitCode(), text);
    String out = run.out();
    int part1 = out.indexOf("== Part 1: a real Kafka Connect cluster on this machine ==");
    int part2 = out.indexOf("== Part 2: the three clouds' APIs");
    assertTrue(part1 >= 0 && part2 > part1, text);
    assertTrue(out.contains("out.txt has 3 lines: first line | second line | third line"), text);
    assertTrue(out.contains("out.txt still has 3 lines 4 s later (in.txt has 5)"), text);
    assertTrue(out.contains("out.txt has 5 lines"), text);
    assertTrue(
        out.contains(
            "out.txt has 10 lines: first line | second line | third line | fourth line | fifth line"
                + " | first line"),
        text);
    assertTrue(run.err().contains("demo-broken-sink") && run.err().contains("FAILED"), text);
    assertTrue(out.contains("trace:") && out.contains("Exception"), text);
    assertTrue(out.indexOf("Stopped the local cluster") < part2, text);
    assertTrue(
        out.contains("Part 1 finished: all 16 steps worked on the real local cluster."), text);
  }

  @Test
  void theCloudTourRunsOnTheGatewaysAndNothingIsLeftRunning() {
    CliRun run = demo();
    String text = run.toString();
    assertEquals(0, run.exitCode(), text);
    String stdout = run.out();
    assertTrue(stdout.contains("Starting the cloud gateways (Redpanda, Confluent, Yandex)"), text);
    assertTrue(
        stdout.contains(
            "Cloud tour finished: all 21 steps worked, and the worker agreed with every cloud."),
        text);
    assertTrue(
        stdout.lines().anyMatch(l -> l.matches("\\s+state the worker reports:\\s+PAUSED")), text);
    assertTrue(stdout.strip().endsWith("Stopped the gateways, the worker and the broker."), text);
    List<String> left =
        ProcessHandle.current()
            .descendants()
            .filter(ProcessHandle::isAlive)
            .map(p -> p.info().commandLine().orElse(""))
            .filter(c -> c.contains("connectctl-demo-"))
            .toList();
    assertEquals(List.of(), left, "processes the demo left running");
  }
}
