package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code status}: the table, {@code --selector} and YAML output. */
class StatusCommandTest extends FakeCliTest {
  @Test
  void statusTableShowsConnectorAndTasks() {
    CliRun run = cli("status", "orders-sink");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals("", lines.get(2), run::toString);
    assertEquals(
        List.of("CONNECTOR", "TASK", "STATE", "VENDOR-STATE", "WORKER", "TRACE"),
        List.of(lines.get(3).split("\\s+")));
    assertTrue(
        run.out()
            .lines()
            .anyMatch(
                l ->
                    l.matches(
                        "orders-sink\\s+1\\s+FAILED\\s+FAILED\\s+worker-2:8083\\s+java.lang.Boom …")),
        run::toString);
  }

  @Test
  void selectorPicksConnectorsByRegex() {
    CliRun run = cli("status", "--selector", "^orders-", "-o", "json");
    assertExit(0, run);
    assertEquals(
        List.of("orders-sink", "orders-source"),
        run.jsonArray().stream().map(m -> m.get("name")).toList());
  }

  @Test
  void yamlOutputHasTheSameStructure() {
    CliRun run = cli("status", "orders-sink", "-o", "yaml");
    assertExit(0, run);
    Object parsed = new org.yaml.snakeyaml.Yaml().load(run.out());
    assertTrue(parsed instanceof Map, run::toString);
    assertEquals("orders-sink", ((Map<?, ?>) parsed).get("name"));
    assertEquals("RUNNING", ((Map<?, ?>) parsed).get("state"));
  }
}
