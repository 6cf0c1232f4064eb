package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code completion bash|zsh}. */
class CompletionCommandTest extends FakeCliTest {
  @Test
  void bashScriptCompletesCommandsAndFlags() {
    CliRun run = cli("completion", "bash");
    assertExit(0, run);
    assertTrue(run.out().contains("complete -F"), run::toString);
    for (String word :
        new String[] {"pause", "restart", "--include-tasks", "--context", "contexts"}) {
      assertTrue(run.out().contains(word), () -> "missing " + word);
    }
  }

  @Test
  void zshGetsTheScriptThatEnablesBashcompinit() {
    CliRun run = cli("completion", "zsh");
    assertExit(0, run);
    assertTrue(run.out().contains("bashcompinit"), run::toString);
  }

  @Test
  void otherShellsAreBadUsage() {
    CliRun run = cli("completion", "fish");
    assertExit(2, run);
    assertOneErrorLine(run, "fish", "bash or zsh");
  }
}
