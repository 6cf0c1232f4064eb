package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connectctl demo}: the whole tour against its own Prism mocks, through the real vendor clients. */
class DemoTest {
  @TempDir
  Path home;

  @Test
  void theTourRunsEveryStepAndExitsZero() {
    CliRun run = CliRun.run(Map.of("PATH", System.getenv().getOrDefault("PATH", "")), home, new VendorClientFactory(),
        "demo");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("$ connectctl get connectors --all-contexts"), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("demo-yandex\\s+yandex\\s+replicate-orders\\s+RUNNING\\s+-")),
        run::toString);
    assertTrue(run.out().contains("Demo finished: all 13 steps worked."), run::toString);
    assertTrue(run.err().contains("error: yandex does not support stop"), run::toString);
    assertTrue(run.out().contains("Stopped the mocks."), run::toString);
  }
}
