package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code wait}: the state reached, a timeout (exit 5) and an unknown state. */
class WaitCommandTest extends FakeCliTest {
  @Test
  void aWaitThatTimesOutExitsFive() {
    fakes.get("rp").waitsTimeOut = true;
    CliRun run = cli("wait", "orders-sink", "--for", "PAUSED", "--timeout", "2s");
    assertExit(5, run);
    assertTrue(
        run.errLines().get(run.errLines().size() - 1).contains("Timed out after 2s"),
        run::toString);
    CliRun mutation = cli("resume", "orders-sink", "--wait", "--timeout", "1s");
    assertExit(5, mutation);
  }

  @Test
  void waitReportsTheStateReached() {
    CliRun run = cli("wait", "orders-sink", "--for", "paused", "-o", "json");
    assertExit(0, run);
    assertEquals("PAUSED", run.jsonObject().get("state"));
  }

  @Test
  void waitRejectsAnUnknownState() {
    CliRun run = cli("wait", "orders-sink", "--for", "SLEEPING");
    assertExit(2, run);
    // --for is parsed as a state by picocli, so the usage hint follows the one error line, as for
    // any bad flag.
    List<String> lines = run.errLines();
    assertEquals(2, lines.size(), run::toString);
    assertTrue(
        lines.get(0).startsWith("error: ")
            && lines.get(0).contains("--for")
            && lines.get(0).contains("SLEEPING")
            && lines.get(0).contains("RUNNING"),
        run::toString);
    assertEquals("Run 'connectctl wait --help' for usage.", lines.get(1));
    assertTrue(fakes.get("rp").mutations.isEmpty(), "nothing changed");
  }
}
