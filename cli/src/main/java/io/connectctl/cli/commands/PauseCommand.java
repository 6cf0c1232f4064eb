package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import picocli.CommandLine.Command;

/** {@code pause NAME…}. */
@Command(name = "pause", description = "Pause connectors (asynchronous; --wait awaits PAUSED).")
final class PauseCommand extends MutationCommand {
  @Override
  Capability[] capabilities() {
    return new Capability[] {Capability.PAUSE};
  }

  @Override
  String action() {
    return "pause";
  }

  @Override
  String pastTense() {
    return "paused";
  }

  @Override
  PendingChange start(ConnectorClient client, String name) {
    return client.pause(name);
  }
}
