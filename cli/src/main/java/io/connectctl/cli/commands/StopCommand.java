package io.connectctl.cli.commands;

import io.connectctl.cli.options.ConfirmOption;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stop NAME…}. */
@Command(
    name = "stop",
    description =
        "Stop connectors, keeping their config and releasing their tasks (--wait awaits STOPPED).")
final class StopCommand extends MutationCommand {
  @Mixin ConfirmOption confirmOption;

  @Override
  ConfirmOption confirmation() {
    return confirmOption;
  }

  StopCommand() {
    super("stop", "stopped", ConnectorClient::stop, Capability.STOP);
  }
}
