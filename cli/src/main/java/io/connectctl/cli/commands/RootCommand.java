package io.connectctl.cli.commands;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.CliException;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code connectctl}: the top command, with every command under it (the global options and the
 * run's state are in {@link RootOptions}).
 *
 * <p>Building picocli's model of a command reads its annotations by reflection, and doing that for
 * every command was most of the start-up time of a CLI run. {@link #commandLine} therefore sets up
 * only the command the arguments name (with its own subcommands); a line that names none, or one
 * this class cannot read ahead of picocli, gets the whole tree.
 */
@Command(
    subcommands = {
      GetCommand.class,
      DescribeCommand.class,
      StatusCommand.class,
      ConfigCommand.class,
      ApplyCommand.class,
      DeleteCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      StopCommand.class,
      RestartCommand.class,
      WaitCommand.class,
      TasksCommand.class,
      TopicsCommand.class,
      OffsetsCommand.class,
      MigrateCommand.class,
      PluginsCommand.class,
      ContextsCommand.class,
      DemoCommand.class,
      CompletionCommand.class,
      LocalCommand.class,
      ExportCommand.class,
      DiffCommand.class,
      ValidateCommand.class,
      LoggersCommand.class,
      CreateCommand.class,
      UpdateCommand.class,
      ReconcileCommand.class,
      OptionsCommand.class
    })
public final class RootCommand extends RootOptions {
  /**
   * @param environment what this run reads and writes
   */
  public RootCommand(CliEnvironment environment) {
    super(environment);
  }

  /**
   * The command line to run {@code args} with: the global options and only the command {@code args}
   * name when they name one, otherwise (no command, an unknown word, an option this method does not
   * know, {@code --help} or {@code --version} before the command) every command, exactly as a
   * {@link RootCommand} declares them. Either way, picocli parses and reports as usual.
   */
  public static CommandLine commandLine(CliEnvironment environment, String... args) {
    CommandLine one = new CommandLine(new OneCommand(environment));
    Class<?> named = Commands.BY_NAME.get(commandWord(one.getCommandSpec(), args));
    if (named == null) {
      return new CommandLine(new RootCommand(environment));
    }
    one.addSubcommand(named);
    return one;
  }

  /**
   * The first word of {@code args} that is not a global option or its value, or null when that
   * cannot be told without parsing.
   */
  static String commandWord(CommandSpec root, String... args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("-") || arg.equals("-")) {
        return arg;
      }
      int equals = arg.indexOf('=');
      OptionSpec option = root.findOption(equals < 0 ? arg : arg.substring(0, equals));
      if (option == null
          || option.usageHelp()
          || option.versionHelp()
          || !arg.startsWith("--") && equals < 0 && arg.length() > 2) {
        return null; // "--", an unknown option, help, version, or clustered short options
      }
      if (equals < 0 && option.arity().max() > 0) {
        i++; // its value
      }
    }
    return null;
  }

  /** Stops with exit 2 and {@code message}. */
  static CliException usage(String message) {
    return CliException.usage(message);
  }

  /** The root of a line that names one command: the global options, no command of its own. */
  private static final class OneCommand extends RootOptions {
    OneCommand(CliEnvironment environment) {
      super(environment);
    }
  }

  /** The commands under {@link RootCommand}, by name and alias (read from their annotations). */
  private static final class Commands {
    static final Map<String, Class<?>> BY_NAME = new HashMap<>();

    static {
      for (Class<?> command : RootCommand.class.getAnnotation(Command.class).subcommands()) {
        Command annotation = command.getAnnotation(Command.class);
        BY_NAME.put(annotation.name(), command);
        for (String alias : annotation.aliases()) {
          BY_NAME.put(alias, command);
        }
      }
    }
  }
}
