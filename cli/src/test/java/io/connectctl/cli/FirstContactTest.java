package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 7, what a new user meets first: bare {@code connectctl}, typos of commands and
 * options, {@code --version}, and help texts that say what they mean.
 */
class FirstContactTest extends FakeCliTest {
  @Test
  void bareConnectctlPrintsTheOverviewAndExitsZero() {
    CliRun bare = cli();
    assertExit(0, bare);
    assertEquals("", bare.err(), bare::toString);
    assertEquals(cli("--help").out(), bare.out());
    assertTrue(bare.out().startsWith("Usage: connectctl"), bare::toString);
    for (String command : List.of("get", "pause", "apply", "diff", "export")) {
      assertTrue(bare.out().contains("  " + command + " "), () -> command + " in\n" + bare);
    }
  }

  @Test
  void aMistypedCommandIsUnknownAndTheNearestIsSuggested() {
    CliRun run = cli("pasue", "orders-sink");
    assertExit(2, run);
    assertEquals("error: unknown command 'pasue'; did you mean 'pause'?", run.errLines().get(0));
    assertEquals("", run.out());

    CliRun sub = cli("get", "conectors");
    assertExit(2, sub);
    assertEquals(
        "error: unknown command 'conectors' for 'connectctl get'; did you mean 'connectors'?",
        sub.errLines().get(0));
  }

  @Test
  void helpAfterAMistypedCommandIsStillAnError() {
    for (String help : List.of("--help", "-h")) {
      CliRun run = cli("pasue", help);
      assertExit(2, run);
      assertEquals("error: unknown command 'pasue'; did you mean 'pause'?", run.errLines().get(0));
      assertFalse(run.out().contains("Usage:"), run::toString);
    }
    CliRun sub = cli("get", "conectors", "--help");
    assertExit(2, sub);
    assertTrue(sub.err().contains("did you mean 'connectors'?"), sub::toString);
  }

  @Test
  void aMistypedOptionIsUnknownAndTheNearestIsSuggested() {
    CliRun run = cli("pause", "orders-sink", "--wiat");
    assertExit(2, run);
    assertEquals(
        "error: unknown option '--wiat' for 'connectctl pause'; did you mean '--wait'?",
        run.errLines().get(0));
  }

  @Test
  void aWordFarFromEveryCommandGetsNoSuggestion() {
    CliRun run = cli("frobnicate");
    assertExit(2, run);
    assertEquals("error: unknown command 'frobnicate'", run.errLines().get(0));
  }

  @Test
  void versionNamesTheCommitAndTheJavaRuntime() {
    CliRun run = cli("--version");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals(3, lines.size(), run::toString);
    assertTrue(lines.get(0).startsWith("connectctl "), run::toString);
    assertTrue(lines.get(1).matches("commit: ([0-9a-f]{7,40}|unknown)"), run::toString);
    assertTrue(
        lines.get(2).startsWith("java: " + System.getProperty("java.runtime.version") + " ("),
        run::toString);
  }

  @Test
  void helpTextsShowReferencesAsWritten() {
    CliRun export = cli("export", "--help");
    assertExit(0, export);
    // picocli wraps the line anywhere, so compare without whitespace
    assertTrue(
        export.out().replaceAll("\\s+", "").contains("${connectctl:env:VAR}references"),
        export::toString);
    assertFalse(export.out().contains("null"), export::toString);
    CliRun secret = cli("create", "secret", "--help");
    assertExit(0, secret);
    assertTrue(
        secret.out().replaceAll("\\s+", "").contains("${secretsManager:NAME:KEY}"),
        secret::toString);
    assertFalse(secret.out().contains("null"), secret::toString);
  }

  @Test
  void suggestionsAllowASwapOrAFewEdits() {
    assertEquals(1, Suggestions.distance("pasue", "pause"));
    assertEquals(
        java.util.Optional.of("connectors"),
        Suggestions.nearest("conectors", List.of("clusters", "connectors", "secrets")));
    assertEquals(
        java.util.Optional.empty(), Suggestions.nearest("xyz", List.of("pause", "resume")));
  }
}
