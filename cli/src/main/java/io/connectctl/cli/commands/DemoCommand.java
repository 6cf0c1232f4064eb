package io.connectctl.cli.commands;

import io.connectctl.cli.demo.Demo;
import picocli.CommandLine.Command;

/** {@code demo}: the no-account tour against local Prism mocks. */
@Command(name = "demo", description = "Tour connectctl against local Prism mocks of the three vendors (no account needed).")
final class DemoCommand extends BaseCommand {
  @Override
  public Integer call() {
    return new Demo(root().environment()).run();
  }
}
