package io.connectctl.cli;

import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.config.TargetFlags;
import io.connectctl.cli.output.Printer;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.io.PrintStream;

/**
 * What the helpers of a command (planning, secrets, bulk runs, option groups) may use of the
 * command that runs them: its environment, target and clients, its printer and its way of reporting
 * a failure. Every command offers it; the helpers depend on this, not on the command classes.
 */
public interface CommandRun {
  /** What this run reads and writes. */
  CliEnvironment environment();

  /** The target flags as given on the line. */
  TargetFlags targetFlags();

  /** The contexts file (read once per run). */
  ConfigFile config();

  /** The target the command talks to. */
  Target target();

  /**
   * The client for {@code target}, after checking that its vendor offers each of {@code needed}
   * (exit 1 with one line when it does not, before credentials are looked for).
   */
  ConnectorClient clientFor(Target target, Capability... needed);

  /** Prints results to stdout in the {@code -o} format. */
  Printer printer();

  /** Where errors and progress go. */
  PrintStream err();

  /**
   * What this run has done so far to the connectors it changes, reported if the run is interrupted.
   */
  io.connectctl.cli.bulk.Progress progress();

  /**
   * Prints one failure line (and with {@code --verbose} its stack trace) and returns its exit code.
   */
  int fail(Failures.Outcome outcome);

  /**
   * Whether the command was given {@code --dry-run}: it lists what it would change and sends no
   * write.
   */
  default boolean dryRun() {
    return false;
  }
}
