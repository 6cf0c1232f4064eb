package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import picocli.CommandLine.Command;

/** {@code delete NAME…}. */
@Command(name = "delete", description = "Delete connectors (--wait awaits their disappearance).",
    subcommands = DeleteSecretCommand.class)
final class DeleteCommand extends MutationCommand {
  @Override
  Capability capability() {
    return Capability.DELETE;
  }

  @Override
  String action() {
    return "delete";
  }

  @Override
  String pastTense() {
    return "deleted";
  }

  @Override
  PendingChange start(ConnectorClient client, String name) {
    return client.delete(name);
  }
}
