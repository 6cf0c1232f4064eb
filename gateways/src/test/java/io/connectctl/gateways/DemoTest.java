package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.ConnectCtl;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connectctl demo} end to end, as a newcomer runs it: a real broker and worker of its own, the gateways in a
 * child JVM from {@code target/gateways-lib}, the cloud tour, and nothing of it left running afterwards.
 */
class DemoTest {
  @TempDir
  Path home;

  @Test
  void theTourRunsOnTheGatewaysAndLeavesNothingRunning() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new ConnectCtl(new CliEnvironment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")), home,
          Path.of("..").toAbsolutePath().normalize(), o, e, new VendorClientFactory())).run("demo");
    }
    String text = "--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n"
        + err.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, text);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.contains("Starting the cloud gateways (Redpanda, Confluent, Yandex)"), text);
    assertTrue(stdout.contains("Cloud tour finished: all 21 steps worked, and the worker agreed with every cloud."),
        text);
    assertTrue(stdout.lines().anyMatch(l -> l.matches("\\s+state the worker reports:\\s+PAUSED")), text);
    assertTrue(stdout.strip().endsWith("Stopped the gateways, the worker and the broker."), text);
    List<String> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains("connectctl-demo-")).toList();
    assertEquals(List.of(), left, "processes the demo left running");
  }
}
