package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import picocli.CommandLine.Command;

/** {@code resume NAME…}. */
@Command(name = "resume", description = "Resume paused connectors (--wait awaits RUNNING).")
final class ResumeCommand extends MutationCommand {
  ResumeCommand() {
    super("resume", "resumed", ConnectorClient::resume, Capability.RESUME);
  }
}
