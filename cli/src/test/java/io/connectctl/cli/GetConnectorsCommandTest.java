package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code get connectors}: table and JSON of one context, and of all contexts. */
class GetConnectorsCommandTest extends FakeCliTest {
  @Test
  void getConnectorsPrintsATableOfTheCurrentContext() {
    CliRun run = cli("get", "connectors");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS"),
        List.of(lines.get(0).split("\\s+")));
    assertTrue(
        lines.get(1).matches("orders-sink\\s+sink\\s+RUNNING\\s+RUNNING\\s+1/2"), run::toString);
    assertEquals(4, lines.size());
    assertEquals("", run.err());
  }

  @Test
  void getConnectorsJsonHasTheDocumentedKeys() {
    CliRun run = cli("get", "connectors", "-o", "json");
    assertExit(0, run);
    List<Map<String, Object>> list = run.jsonArray();
    assertEquals(3, list.size());
    Map<String, Object> first = list.get(0);
    assertEquals("orders-sink", first.get("name"));
    assertEquals("rp", first.get("context"));
    assertEquals("redpanda", first.get("vendor"));
    assertEquals("RUNNING", first.get("state"));
    assertEquals("RUNNING", first.get("vendorState"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) first.get("tasks");
    assertEquals(2, tasks.size());
    assertEquals(0.0, tasks.get(0).get("id"));
    assertEquals("RUNNING", tasks.get(0).get("state"));
    assertEquals("worker-1:8083", tasks.get(0).get("workerId"));
    assertEquals("FAILED", tasks.get(1).get("state"));
  }

  @Test
  void allContextsListsEveryContextInOneTable() {
    CliRun run = cli("get", "connectors", "--all-contexts");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals(
        List.of("CONTEXT", "VENDOR", "NAME", "STATE", "TASKS"),
        List.of(lines.get(0).split("\\s+")));
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("cf\\s+confluent\\s+cf-sink\\s+RUNNING\\s+1/2")),
        run::toString);
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("yc\\s+yandex\\s+yc-mirror\\s+RUNNING\\s+1/2")),
        run::toString);
    assertEquals(6, lines.size());
  }

  @Test
  void allContextsReportsAFailingContextAndListsTheOthers() {
    env.remove("CF_SECRET");
    CliRun run = cli("get", "connectors", "--all-contexts", "-o", "json");
    assertExit(3, run);
    assertEquals(4, run.jsonArray().size());
    assertOneErrorLine(run, "context 'cf'", "CF_SECRET", "not set");
  }
}
