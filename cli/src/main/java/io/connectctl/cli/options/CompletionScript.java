package io.connectctl.cli.options;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The shell completion script: picocli's, generated from the command tree (commands, flags, enum
 * values), followed by {@code _connectctl}, which completes what picocli cannot know: context names
 * from the contexts file, connector names from the last listing ({@link NameCache}), and which is
 * registered for {@code connectctl}, {@code ./connectctl} and the script's own path.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /**
   * The script for {@code tree}.
   *
   * @param tree the whole command tree
   * @param scriptPaths further command words to register the completion for (the absolute path of
   *     the {@code connectctl} script), each quoted for the shell
   */
  public static String bash(CommandLine tree, List<String> scriptPaths) {
    List<String> commands = new ArrayList<>();
    List<String> nameCommands = new ArrayList<>();
    TreeSet<String> argOptions = new TreeSet<>();
    walk(tree, "", commands, nameCommands, argOptions);
    String ours =
        resource()
            .replace("@ARG_OPTIONS@", String.join(" ", argOptions))
            .replace("@NAME_COMMANDS@", String.join("|", nameCommands))
            .replace("@COMMANDS@", String.join("|", commands))
            .replace("@CACHE_MINUTES@", Long.toString(NameCache.TTL.toMinutes()))
            .replace(
                "@SCRIPT_PATHS@",
                String.join(" ", scriptPaths.stream().map(CompletionScript::quoted).toList()));
    return AutoComplete.bash("connectctl", tree) + ours;
  }

  private static void walk(
      CommandLine command,
      String path,
      List<String> commands,
      List<String> nameCommands,
      TreeSet<String> argOptions) {
    CommandSpec spec = command.getCommandSpec();
    for (OptionSpec option : spec.options()) {
      if (option.arity().max() > 0) {
        argOptions.addAll(List.of(option.names()));
      }
    }
    if (!path.isEmpty()) {
      commands.add(path);
      if (takesConnectorNames(spec)) {
        nameCommands.add(path);
      }
    }
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandName().equals(name)) {
                walk(
                    sub,
                    path.isEmpty() ? name : path + " " + name,
                    commands,
                    nameCommands,
                    argOptions);
              }
            });
  }

  /** Whether the command's arguments are connector names ("Connector names.", "The connector."). */
  private static boolean takesConnectorNames(CommandSpec spec) {
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      String description = String.join(" ", positional.description()).toLowerCase(Locale.ROOT);
      if (description.contains("connector")) {
        return true;
      }
    }
    return false;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static String resource() {
    try (InputStream in = CompletionScript.class.getResourceAsStream("completion.bash")) {
      if (in == null) {
        throw new IllegalStateException("completion.bash missing from the CLI's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read completion.bash", e);
    }
  }
}
