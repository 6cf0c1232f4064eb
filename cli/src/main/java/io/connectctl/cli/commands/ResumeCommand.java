package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import picocli.CommandLine.Command;

/** {@code resume NAME…}. */
@Command(name = "resume", description = "Resume paused connectors (--wait awaits RUNNING).")
final class ResumeCommand extends MutationCommand {
  @Override
  Capability[] capabilities() {
    return new Capability[] {Capability.RESUME};
  }

  @Override
  String action() {
    return "resume";
  }

  @Override
  String pastTense() {
    return "resumed";
  }

  @Override
  PendingChange start(ConnectorClient client, String name) {
    return client.resume(name);
  }
}
