package io.connectctl.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.connectctl.cli.CliEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run sets up only the command its arguments name ({@link RootCommand#commandLine}); this checks
 * that such a tree is the whole tree's branch for that command, option for option, and that lines
 * the shortcut cannot read get the whole tree.
 */
class OneCommandTreeTest {
  private static final PrintStream NOWHERE = new PrintStream(PrintStream.nullOutputStream());
  private static final CliEnvironment ENVIRONMENT =
      new CliEnvironment(
          Map.of(),
          Path.of("."),
          Path.of("."),
          NOWHERE,
          NOWHERE,
          (target, credentials, settings) -> {
            throw new AssertionError("no client here");
          });

  static List<String> commandNames() {
    return List.copyOf(new CommandLine(new RootCommand(ENVIRONMENT)).getSubcommands().keySet());
  }

  @ParameterizedTest
  @MethodSource("commandNames")
  void theBranchOfEachCommandIsTheSameAsInTheWholeTree(String name) {
    CommandLine whole = new CommandLine(new RootCommand(ENVIRONMENT));
    CommandLine one = RootCommand.commandLine(ENVIRONMENT, "-o", "json", name, "--help");
    assertEquals(
        Set.of(whole.getSubcommands().get(name).getCommandName()),
        one.getSubcommands().values().stream()
            .map(CommandLine::getCommandName)
            .collect(java.util.stream.Collectors.toSet()));
    assertSameBranch(whole.getSubcommands().get(name), one.getSubcommands().get(name));
  }

  private static void assertSameBranch(CommandLine expected, CommandLine actual) {
    assertEquals(
        expected.getCommandSpec().qualifiedName(), actual.getCommandSpec().qualifiedName());
    assertEquals(expected.getUsageMessage(), actual.getUsageMessage());
    assertEquals(
        expected.getCommandSpec().options().stream().map(o -> o.longestName()).toList(),
        actual.getCommandSpec().options().stream().map(o -> o.longestName()).toList());
    assertEquals(expected.getSubcommands().keySet(), actual.getSubcommands().keySet());
    expected
        .getSubcommands()
        .forEach((name, sub) -> assertSameBranch(sub, actual.getSubcommands().get(name)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--help",
        "-h",
        "--version",
        "frobnicate",
        "--",
        "--bogus get",
        "-vo json get",
        "-ojson get",
        "--context"
      })
  void linesThatNameNoCommandGetTheWholeTree(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    CommandLine cli = RootCommand.commandLine(ENVIRONMENT, args);
    assertInstanceOf(RootCommand.class, cli.getCommand());
    assertEquals(commandNames(), List.copyOf(cli.getSubcommands().keySet()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "get connectors",
        "--context prod get connectors",
        "--context=prod get",
        "-o yaml get",
        "--output=json -v --show-secrets get",
        "--vendor redpanda --url http://127.0.0.1:9 get connectors",
        "get --help"
      })
  void theCommandWordIsFoundAfterGlobalOptionsAndTheirValues(String line) {
    String[] args = line.split(" ");
    CommandLine.Model.CommandSpec root =
        new CommandLine(new RootCommand(ENVIRONMENT)).getCommandSpec();
    assertEquals("get", RootCommand.commandWord(root, args));
    assertEquals(
        Set.of("get"), RootCommand.commandLine(ENVIRONMENT, args).getSubcommands().keySet());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help get", "-V", "--config", "--", "-x get"})
  void noCommandWordWhenTheLineCannotBeReadAhead(String line) {
    CommandLine.Model.CommandSpec root =
        new CommandLine(new RootCommand(ENVIRONMENT)).getCommandSpec();
    assertNull(RootCommand.commandWord(root, line.split(" ")));
  }
}
