package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import picocli.CommandLine.Command;

/** {@code stop NAME…}. */
@Command(name = "stop", description = "Stop connectors, keeping their config and releasing their tasks (--wait awaits STOPPED).")
final class StopCommand extends MutationCommand {
  @Override
  Capability[] capabilities() {
    return new Capability[] {Capability.STOP};
  }

  @Override
  String action() {
    return "stop";
  }

  @Override
  String pastTense() {
    return "stopped";
  }

  @Override
  PendingChange start(ConnectorClient client, String name) {
    return client.stop(name);
  }
}
