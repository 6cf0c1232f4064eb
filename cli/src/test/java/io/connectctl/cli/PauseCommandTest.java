package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code pause}: several names, {@code --wait} progress and a bad {@code --timeout}. */
class PauseCommandTest extends FakeCliTest {
  @Test
  void pauseManyNamesReportsEachAndFailsIfAnyFailed() {
    CliRun run = cli("pause", "orders-sink", "ghost", "payments");
    assertExit(4, run);
    assertEquals(
        List.of("connector/orders-sink paused", "connector/payments paused"),
        run.out().lines().toList());
    assertOneErrorLine(
        run, "pause connector 'ghost'", "context 'rp'", "redpanda", "ghost does not exist");
    assertEquals(
        List.of("pause orders-sink", "pause payments"),
        fakes.get("rp").mutations.stream().sorted().toList());
  }

  @Test
  void waitFlagShowsProgressOnStderrAndTheStateReached() {
    CliRun run = cli("pause", "orders-sink", "--wait", "--timeout", "30s");
    assertExit(0, run);
    assertEquals("connector/orders-sink paused (now PAUSED)", run.out().strip());
    assertTrue(
        run.err().contains("waiting up to 30s for connector 'orders-sink' to be PAUSED"),
        run::toString);
    assertTrue(run.err().contains("orders-sink: state PAUSED"), run::toString);
  }

  @Test
  void badTimeoutIsBadUsage() {
    CliRun run = cli("pause", "orders-sink", "--wait", "--timeout", "soon");
    assertExit(2, run);
    assertOneErrorLine(run, "--timeout", "soon");
    assertTrue(fakes.get("rp").mutations.isEmpty());
  }
}
