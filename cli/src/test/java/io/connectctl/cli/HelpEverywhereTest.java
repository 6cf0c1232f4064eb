package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.commands.RootCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Issue 8, item 8: every command and subcommand answers {@code --help} and {@code -h} with its
 * usage, exit 0, whatever it requires otherwise. The commands are found by walking picocli's
 * command tree, so a command added later is covered without touching this test.
 */
class HelpEverywhereTest {
  @TempDir static Path home;

  /**
   * Every command path under the root, e.g. {@code [get, connectors]}; the root itself is the empty
   * path.
   */
  static List<List<String>> commandPaths() {
    PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
    CommandLine root =
        new CommandLine(
            new RootCommand(
                new CliEnvironment(
                    Map.of(),
                    Path.of("."),
                    Path.of("."),
                    nowhere,
                    nowhere,
                    (target, credentials, settings) -> {
                      throw new AssertionError("no client for --help");
                    })));
    List<List<String>> paths = new ArrayList<>();
    walk(root, new ArrayList<>(), paths);
    return paths;
  }

  private static void walk(CommandLine command, List<String> path, List<List<String>> out) {
    out.add(List.copyOf(path));
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandName().equals(name)) { // aliases lead to the same command
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, out);
              }
            });
  }

  static Stream<Arguments> helpRequests() {
    return commandPaths().stream()
        .flatMap(path -> Stream.of("--help", "-h").map(flag -> Arguments.of(path, flag)));
  }

  @Test
  void theTreeHoldsTheNestedCommands() {
    List<List<String>> paths = commandPaths();
    for (List<String> expected :
        List.of(
            List.of("status"),
            List.of("get", "connectors"),
            List.of("config", "get"),
            List.of("config", "set"),
            List.of("apply"),
            List.of("wait"),
            List.of("topics", "reset"),
            List.of("contexts"))) {
      assertTrue(paths.contains(expected), "missing " + expected + " in " + paths);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("helpRequests")
  void everyCommandAnswersHelpWithItsUsage(List<String> path, String flag) {
    List<String> args = new ArrayList<>(path);
    args.add(flag);
    CliRun run =
        CliRun.run(
            Map.of("CONNECTCTL_CONFIG", home.resolve("absent.yaml").toString()),
            home,
            (target, credentials, settings) -> {
              throw new AssertionError("--help must not create a client");
            },
            args.toArray(String[]::new));

    assertEquals(0, run.exitCode(), run::toString);
    String usage = "Usage: connectctl" + (path.isEmpty() ? "" : " " + String.join(" ", path));
    assertTrue(run.out().startsWith(usage), "expected '" + usage + "…' on stdout:\n" + run);
    assertTrue(run.out().contains("-h, --help"), run::toString);
    assertFalse(run.err().contains("error"), run::toString);
  }

  /** The names of the global options (declared once on the top command, inherited by all). */
  static List<String> globalOptionNames() {
    PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
    CommandLine root =
        new CommandLine(
            new RootCommand(
                new CliEnvironment(
                    Map.of(), Path.of("."), Path.of("."), nowhere, nowhere, (t, c, s) -> null)));
    return root.getCommandSpec().options().stream()
        .filter(o -> !o.usageHelp() && !o.versionHelp())
        .map(o -> o.longestName())
        .toList();
  }

  static Stream<List<String>> subcommandPaths() {
    return commandPaths().stream().filter(path -> !path.isEmpty());
  }

  /**
   * Issue 21, item 8: a command's help lists its own options and one line pointing to {@code
   * connectctl options}, not the global target flags.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("subcommandPaths")
  void helpShowsTheCommandsOwnOptionsAndPointsToTheGlobalOnes(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    CliRun run = withoutClients(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run::toString);
    for (String name : globalOptionNames()) {
      java.util.regex.Pattern listed =
          java.util.regex.Pattern.compile(
              "(?m)^\\s+(-\\w, )?" + java.util.regex.Pattern.quote(name) + "(?![\\w-])");
      assertFalse(listed.matcher(run.out()).find(), () -> name + " listed in:\n" + run.out());
      assertFalse(run.out().contains("[" + name), () -> name + " in the synopsis:\n" + run.out());
    }
    int help = run.out().indexOf("-h, --help");
    int pointer = run.out().indexOf("Use \"connectctl options\"");
    assertTrue(help > 0 && pointer > help, run::toString);
    assertEquals(1, run.out().split("Use \"connectctl options\"", -1).length - 1, run::toString);
  }

  @Test
  void theOptionsCommandListsTheGlobalOptions() {
    CliRun run = withoutClients("options");
    assertEquals(0, run.exitCode(), run::toString);
    List<String> names = globalOptionNames();
    assertTrue(
        names.containsAll(List.of("--context", "--vendor", "--url", "--output", "--no-headers")),
        names::toString);
    for (String name : names) {
      assertTrue(run.out().contains(name), () -> name + " missing:\n" + run.out());
    }
  }

  @Test
  void pauseHelpIsShort() {
    CliRun run = withoutClients("pause", "--help");
    assertTrue(run.out().lines().count() < 25, run::toString);
    assertTrue(run.out().contains("--dry-run"), run::toString);
  }

  /** Runs {@code args} without a config file; creating a client fails the test. */
  private static CliRun withoutClients(String... args) {
    return CliRun.run(
        Map.of("CONNECTCTL_CONFIG", home.resolve("absent.yaml").toString()),
        home,
        (target, credentials, settings) -> {
          throw new AssertionError("no client for " + String.join(" ", args));
        },
        args);
  }
}
