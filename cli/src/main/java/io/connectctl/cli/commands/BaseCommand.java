package io.connectctl.cli.commands;

import io.connectctl.cli.ExitCode;
import io.connectctl.cli.Failures;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Printer;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the run's {@link RootCommand}, stdout/stderr, the printer. */
abstract class BaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The top command of this run (global options, config, clients). */
  RootCommand root() {
    return (RootCommand) spec.root().userObject();
  }

  Printer printer() {
    return root().printer();
  }

  PrintStream err() {
    return root().environment().err();
  }

  PrintStream out() {
    return root().environment().out();
  }

  boolean showSecrets() {
    return root().showSecrets();
  }

  /**
   * The client for the target, after checking the vendor offers {@code capability}: an operation the vendor lacks
   * fails with one line, before anything is sent.
   */
  ConnectorClient client(Capability capability) {
    root().environment().clients().capabilities(target().vendor()).ifPresent(known -> known.require(capability));
    ConnectorClient client = root().client();
    client.capabilities().require(capability);
    return client;
  }

  Target target() {
    return root().target();
  }

  /** Prints one failure line (and with {@code --verbose} its stack trace) and returns its exit code. */
  int fail(Failures.Outcome outcome) {
    err().println("error: " + outcome.line());
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
