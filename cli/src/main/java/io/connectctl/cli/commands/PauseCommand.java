package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import picocli.CommandLine.Command;

/** {@code pause NAME…}. */
@Command(name = "pause", description = "Pause connectors (asynchronous; --wait awaits PAUSED).")
final class PauseCommand extends MutationCommand {
  PauseCommand() {
    super("pause", "paused", ConnectorClient::pause, Capability.PAUSE);
  }
}
