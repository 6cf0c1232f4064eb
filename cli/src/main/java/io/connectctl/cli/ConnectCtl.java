package io.connectctl.cli;

import io.connectctl.cli.commands.RootCommand;
import io.connectctl.cli.commands.RootOptions;
import io.connectctl.facade.errors.ConnectCloudException;
import picocli.CommandLine;

/**
 * The connectctl entry point. {@link #run(String...)} parses the arguments, runs the command and
 * returns the exit code (see {@link ExitCode}); {@link #main(String[])} exits the process with it.
 */
public final class ConnectCtl {
  private final CliEnvironment environment;

  /** The options of the run under way, for the interrupt report. */
  private volatile RootOptions current;

  /** Set by {@link #main}: connectctl is its own process. */
  private static volatile boolean ownsProcess;

  /** Set once the run has returned its exit code: a shutdown from then on is no interrupt. */
  private volatile boolean returned;

  /**
   * @param environment what this run reads and writes
   */
  public ConnectCtl(CliEnvironment environment) {
    this.environment = environment;
  }

  /** Runs connectctl in this process and exits with its exit code. */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    WarmUp.startFor(args);
    ownsProcess = true;
    ConnectCtl connectctl = new ConnectCtl(CliEnvironment.system());
    // SIGINT and SIGTERM run the shutdown hooks, and the JVM then exits 130 or 143; before that, a
    // run that has sent changes says what became of each.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(connectctl::interrupted, "connectctl-interrupted"));
    int code = connectctl.run(args);
    connectctl.returned = true;
    System.exit(code);
  }

  /**
   * Whether connectctl runs as its own process ({@link #main}), not inside a test or another
   * program: only then may a command take SIGTERM and SIGINT over ({@code reconcile} finishes its
   * work in flight and exits 0).
   */
  public static boolean ownsProcess() {
    return ownsProcess;
  }

  /**
   * Prints what the run under way has done to the connectors it changes (see {@link
   * io.connectctl.cli.bulk.Progress#interrupted()}), when the process is stopped before the run
   * returned.
   */
  void interrupted() {
    RootOptions root = current;
    if (!returned && root != null) {
      root.progress().interrupted();
    }
  }

  /** Runs one command line and returns its exit code. */
  public int run(String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // What picocli prints for the option, without building the model of every command first.
      try {
        for (String line : new io.connectctl.cli.options.VersionProvider().getVersion()) {
          environment.out().println(line);
        }
        environment.out().flush();
        return ExitCode.OK;
      } catch (java.io.IOException | RuntimeException e) {
        // fall through: picocli reports it as it always did
      }
    }
    CommandLine cli = RootCommand.commandLine(environment, args);
    RootOptions root = cli.getCommand();
    current = root;
    io.connectctl.cli.options.HelpOptions.everywhere(cli);
    cli.setOut(new java.io.PrintWriter(environment.out(), true));
    cli.setErr(new java.io.PrintWriter(environment.err(), true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (e, arguments) -> {
          String message = e.getMessage();
          if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            message =
                Suggestions.message(unmatched.getCommandLine(), unmatched.getUnmatched())
                    .orElse(message);
          }
          environment.err().println("error: " + message);
          CommandLine failed = e.getCommandLine();
          environment
              .err()
              .println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCode.USAGE;
        });
    // picocli ignores words it does not know when --help is on the line ('pasue --help' printed the
    // root help); an unknown word is an error whatever follows it.
    cli.setExecutionStrategy(
        parsed -> {
          for (CommandLine.ParseResult level = parsed;
              level != null;
              level = level.hasSubcommand() ? level.subcommand() : null) {
            if (!level.unmatched().isEmpty()) {
              throw new CommandLine.UnmatchedArgumentException(
                  level.commandSpec().commandLine(), level.unmatched());
            }
          }
          CommandLine.ParseResult leaf = parsed;
          while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
          }
          if (root.output() == io.connectctl.cli.output.OutputFormat.NAME
              && leaf.commandSpec().userObject() instanceof io.connectctl.cli.output.NamelessOutput
              && !parsed.isUsageHelpRequested()
              && !leaf.isUsageHelpRequested()) {
            environment
                .err()
                .println("error: " + io.connectctl.cli.output.Printer.noNames().getMessage());
            return ExitCode.USAGE;
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    cli.setExecutionExceptionHandler(
        (e, failed, parsed) -> {
          int code = report(root, e);
          return failed.getCommand() instanceof ExitCode.Comparison
              ? ExitCode.forComparison(code)
              : code;
        });
    try {
      return cli.execute(args);
    } catch (Error e) {
      int code = report(root, new IllegalStateException(e.toString(), e));
      return comparing(cli) ? ExitCode.forComparison(code) : code;
    } finally {
      root.close();
    }
  }

  /** Whether the command that was running is a {@link ExitCode.Comparison}. */
  private static boolean comparing(CommandLine cli) {
    CommandLine.ParseResult parsed = cli.getParseResult();
    if (parsed == null) {
      return false;
    }
    while (parsed.hasSubcommand()) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec().userObject() instanceof ExitCode.Comparison;
  }

  private int report(RootOptions root, Exception e) {
    int code;
    String message;
    if (e instanceof CliException cli) {
      code = cli.exitCode();
      message = cli.getMessage();
    } else if (e instanceof ConnectCloudException api) {
      code = ExitCode.of(api);
      message =
          Failures.message(api)
              + root.resolvedTarget()
                  .map(t -> " (context '" + t.context() + "', " + t.vendor() + ")")
                  .orElse("");
    } else if (e instanceof CommandLine.ParameterException usage) {
      code = ExitCode.USAGE;
      message = usage.getMessage();
    } else {
      code = ExitCode.API_FAILED;
      message =
          "unexpected failure: " + e + (root.verbose() ? "" : " (run with --verbose for details)");
    }
    Failures.printed(Failures.oneLine(message), e).forEach(environment.err()::println);
    if (root.verbose()) {
      e.printStackTrace(environment.err());
    }
    return code;
  }
}
