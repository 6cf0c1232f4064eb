package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code resume}: the JSON report of every name. */
class ResumeCommandTest extends FakeCliTest {
  @Test
  void mutationJsonReportsEveryName() {
    CliRun run = cli("resume", "orders-source", "ghost", "-o", "json");
    assertExit(4, run);
    List<Map<String, Object>> results = run.jsonArray();
    assertEquals(true, results.get(0).get("ok"));
    assertEquals("resume", results.get(0).get("action"));
    assertEquals(false, results.get(1).get("ok"));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) results.get(1).get("error");
    assertEquals(4.0, error.get("exitCode"));
    assertEquals("NOT_FOUND", error.get("kind"));
  }

  @Test
  void aWaitThatRunsOutIsStillKindTimeoutInJson() {
    fakes.get("rp").waitsTimeOut = true;
    CliRun run = cli("resume", "orders-sink", "--wait", "--timeout", "1s", "-o", "json");
    assertExit(5, run);
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) run.jsonArray().get(0).get("error");
    assertEquals(5.0, error.get("exitCode"));
    assertEquals("TIMEOUT", error.get("kind"));
  }
}
