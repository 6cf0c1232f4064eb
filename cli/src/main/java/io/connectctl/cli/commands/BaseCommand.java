package io.connectctl.cli.commands;

import io.connectctl.cli.CliEnvironment;
import io.connectctl.cli.CommandRun;
import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.ConfigFile;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.config.TargetFlags;
import io.connectctl.cli.output.Printer;
import io.connectctl.cli.vendors.VendorDescriptions;
import io.connectctl.facade.Capabilities;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the run's {@link RootOptions}, stdout/stderr, the printer; the same as
 * a {@link CommandRun} for the helpers outside this package.
 */
abstract class BaseCommand implements Callable<Integer>, CommandRun {
  @Spec CommandSpec spec;

  /** The top command of this run (global options, config, clients). */
  RootOptions root() {
    return (RootOptions) spec.root().userObject();
  }

  @Override
  public CliEnvironment environment() {
    return root().environment();
  }

  @Override
  public TargetFlags targetFlags() {
    return root().targetFlags();
  }

  @Override
  public ConfigFile config() {
    return root().config();
  }

  @Override
  public Printer printer() {
    return root().printer();
  }

  @Override
  public PrintStream err() {
    return root().environment().err();
  }

  PrintStream out() {
    return root().environment().out();
  }

  boolean showSecrets() {
    return root().showSecrets();
  }

  /**
   * The one way a command gets its client, in this order: the target is resolved, the vendor's
   * description is asked whether it offers each of {@code needed} (an operation the vendor lacks
   * fails with one line, exit 1, before credentials are looked for or anything is sent), then the
   * credentials are resolved and the client is made.
   */
  ConnectorClient client(Capability... needed) {
    return clientFor(target(), needed);
  }

  /** As {@link #client(Capability...)} for another target (commands that span contexts). */
  @Override
  public ConnectorClient clientFor(Target target, Capability... needed) {
    Capabilities offered = VendorDescriptions.of(target.vendor()).capabilities();
    for (Capability capability : needed) {
      offered.require(capability);
    }
    ConnectorClient client = root().clientFor(target);
    for (Capability capability : needed) {
      client.capabilities().require(capability);
    }
    return client;
  }

  @Override
  public io.connectctl.cli.bulk.Progress progress() {
    return root().progress();
  }

  @Override
  public Target target() {
    return root().target();
  }

  /**
   * Prints one failure line (and with {@code --verbose} its stack trace) and returns its exit code.
   */
  @Override
  public int fail(Failures.Outcome outcome) {
    Failures.printed(outcome.line(), outcome.cause()).forEach(err()::println);
    if (root().verbose()) {
      String trace = Failures.trace(outcome.cause());
      if (!trace.isEmpty()) {
        err().println("trace:");
        trace.lines().forEach(line -> err().println("  " + line));
      }
      outcome.cause().printStackTrace(err());
    }
    return outcome.exitCode();
  }

  static int ok() {
    return ExitCode.OK;
  }
}
