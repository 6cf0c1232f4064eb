package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code contexts}: every context, the current one marked, as a table and as JSON. */
class ContextsCommandTest extends FakeCliTest {
  @Test
  void contextsListsEveryContextAndMarksTheCurrentOne() {
    CliRun run = cli("contexts");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.get(0).startsWith("CURRENT   NAME"), run::toString);
    assertTrue(
        lines
            .get(1)
            .matches(
                "\\*\\s+rp\\s+redpanda\\s+https://api-1.example.com\\s+redpanda\\s+env RP_TOKEN"),
        run::toString);
    assertTrue(
        lines
            .get(2)
            .matches(
                "-\\s+cf\\s+confluent\\s+\\(default\\)\\s+env-1/lkc-1\\s+env CF_KEY,CF_SECRET"),
        run::toString);
    CliRun json = cli("contexts", "-o", "json");
    assertEquals(true, json.jsonArray().get(0).get("current"));
    assertEquals("c9q1", json.jsonArray().get(2).get("scope"));
  }
}
