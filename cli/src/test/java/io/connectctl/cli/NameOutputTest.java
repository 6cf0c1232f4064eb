package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 21, item 6: {@code -o name} and {@code --no-headers}. */
class NameOutputTest extends FakeCliTest {
  @Test
  void nameOutputIsOneConnectorNameALine() {
    CliRun run = cli("get", "connectors", "-o", "name");
    assertExit(0, run);
    assertEquals(List.of("orders-sink", "orders-source", "payments"), run.out().lines().toList());
  }

  @Test
  void nameOutputWorksOnReadsAndChanges() {
    assertEquals("orders-sink\n", cli("status", "orders-sink", "-o", "NAME").out());
    assertEquals(
        List.of("orders-sink", "orders-source"),
        cli("describe", "-l", "orders-.*", "-o", "name").out().lines().toList());
    CliRun pause = cli("pause", "orders-sink", "-o", "name");
    assertExit(0, pause);
    assertEquals("orders-sink\n", pause.out(), pause::toString);
    assertEquals(List.of("rp", "cf", "yc"), cli("contexts", "-o", "name").out().lines().toList());
  }

  @Test
  void commandsWithoutNamesRefuseNameOutputBeforeRunning() {
    CliRun run = cli("loggers", "set", "org.apache.kafka", "DEBUG", "-o", "name");
    assertExit(2, run);
    assertOneErrorLine(run, "-o name", "use -o table, json or yaml");
    assertEquals("", run.out());
    CliRun plugins = cli("plugins", "-o", "name");
    assertExit(2, plugins);
    assertOneErrorLine(plugins, "-o name");
  }

  @Test
  void unknownFormatNamesTheChoices() {
    CliRun run = cli("get", "connectors", "-o", "wide");
    assertExit(2, run);
    assertTrue(run.err().contains("table, json, yaml or name"), run::toString);
  }

  @Test
  void noHeadersLeavesOutTheHeaderRow() {
    CliRun with = cli("get", "connectors");
    CliRun without = cli("get", "connectors", "--no-headers");
    assertExit(0, without);
    assertTrue(with.out().lines().findFirst().orElse("").startsWith("NAME"), with::toString);
    List<String> rows = without.out().lines().toList();
    assertEquals(3, rows.size(), without::toString);
    assertTrue(rows.get(0).startsWith("orders-sink "), without::toString);
    assertFalse(without.out().contains("NAME"), without::toString);
    assertFalse(cli("contexts", "--no-headers").out().contains("CURRENT"));
  }
}
