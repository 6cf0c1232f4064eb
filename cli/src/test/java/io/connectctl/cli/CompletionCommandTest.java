package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /**
   * Issue 21, item 7: the generated script run by bash completes context names from the config
   * file, connector names from the last listing, and lower-case {@code -o} values, and is
   * registered for {@code connectctl} and {@code ./connectctl}.
   */
  @Test
  void bashCompletesContextsConnectorsAndOutputFormats() throws Exception {
    Path script = home.resolve("connectctl.bash");
    Files.writeString(script, cli("completion", "bash").out());

    assertEquals(List.of("rp", "cf", "yc"), complete(script, "connectctl", "--context", ""));
    assertEquals(List.of("cf"), complete(script, "./connectctl", "get", "--context", "=", "c"));
    assertEquals(List.of("rp", "cf", "yc"), complete(script, "connectctl", "contexts", "use", ""));
    assertEquals(
        List.of("table", "json", "yaml", "name"),
        complete(script, "connectctl", "get", "connectors", "-o", ""));

    assertEquals(List.of(), complete(script, "connectctl", "pause", ""), "nothing listed yet");
    assertExit(0, cli("get", "connectors"));
    assertEquals(
        List.of("orders-sink", "orders-source", "payments"),
        complete(script, "connectctl", "pause", ""));
    assertEquals(
        List.of("orders-sink", "orders-source"),
        complete(script, "./connectctl", "config", "get", "orders-"));
    assertEquals(List.of(), complete(script, "connectctl", "--context", "cf", "describe", ""));
    assertExit(0, cli("get", "connectors", "--context", "cf"));
    assertEquals(
        List.of("cf-sink"), complete(script, "connectctl", "--context", "cf", "describe", ""));

    Path cache = home.resolve(".cache/connectctl/names/rp");
    assertTrue(Files.readString(cache).lines().allMatch(l -> l.matches("[a-z-]+")), "names only");
    Files.setLastModifiedTime(cache, FileTime.from(Instant.now().minus(10, ChronoUnit.MINUTES)));
    assertEquals(List.of(), complete(script, "connectctl", "pause", ""), "a stale listing");

    assertTrue(complete(script, "connectctl", "pau").contains("pause"), "commands as before");
  }

  /**
   * What bash offers for {@code words} (the last one being completed): the script is sourced, the
   * function registered for {@code words[0]} is called with COMP_WORDS/COMP_CWORD set, and
   * COMPREPLY is printed.
   */
  private List<String> complete(Path script, String... words)
      throws IOException, InterruptedException {
    StringBuilder array = new StringBuilder();
    for (String word : words) {
      array.append(" '").append(word.replace("'", "'\\''")).append("'");
    }
    String program =
        "source \"$1\" >/dev/null 2>&1\n"
            + "COMP_WORDS=("
            + array
            + " )\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
            + "COMP_POINT=${#COMP_LINE}\n"
            + "fn=$(complete -p \"${COMP_WORDS[0]}\" | sed -E 's/.*-F ([^ ]+) .*/\\1/')\n"
            + "\"$fn\" \"${COMP_WORDS[0]}\" \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", program, "bash", script.toString());
    builder.environment().clear();
    builder.environment().put("PATH", System.getenv("PATH"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("CONNECTCTL_CONFIG", configFile.toString());
    // compopt complains on stderr when the function runs outside a real completion
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "bash ended");
    assertEquals(0, process.exitValue(), out);
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }
}
