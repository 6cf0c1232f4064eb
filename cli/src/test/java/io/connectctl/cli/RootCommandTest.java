package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The root command: global options anywhere on the line, usage errors, {@code --version}, {@code
 * --verbose}, and clients closed after every run.
 */
class RootCommandTest extends FakeCliTest {
  @Test
  void globalFlagsAreAcceptedBeforeOrAfterTheCommand() {
    CliRun before = cli("-o", "json", "--context", "cf", "get", "connectors");
    CliRun middle = cli("get", "--context", "cf", "connectors", "-o", "json");
    CliRun after = cli("get", "connectors", "-o", "json", "--context", "cf");
    assertExit(0, before);
    assertEquals(before.out(), middle.out());
    assertEquals(before.out(), after.out());
    assertEquals("cf-sink", before.jsonArray().get(0).get("name"));
  }

  @Test
  void verboseShowsAStackTraceOtherwiseNone() {
    CliRun quiet = cli("describe", "ghost");
    assertFalse(quiet.err().contains("\tat "));
    CliRun verbose = cli("describe", "ghost", "--verbose");
    assertExit(4, verbose);
    assertTrue(verbose.err().contains("\tat "), verbose::toString);
  }

  @Test
  void usageErrorsExitTwo() {
    assertExit(2, cli("frobnicate"));
    assertExit(2, cli("get", "connectors", "-o", "xml"));
    assertExit(2, cli("pause"));
    assertExit(2, cli("get"));
    CliRun noSelector = cli("status", "--selector", "(");
    assertExit(2, noSelector);
    assertOneErrorLine(noSelector, "--selector");
  }

  @Test
  void versionPrintsTheVersion() {
    CliRun run = cli("--version");
    assertExit(0, run);
    assertTrue(run.out().startsWith("connectctl "), run::toString);
  }

  @Test
  void clientsAreClosedAfterTheRun() {
    cli("get", "connectors");
    assertTrue(fakes.get("rp").closed);
  }
}
