package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import picocli.CommandLine.Command;

/** {@code delete NAME…}. */
@Command(
    name = "delete",
    description = "Delete connectors (--wait awaits their disappearance).",
    subcommands = DeleteSecretCommand.class)
final class DeleteCommand extends MutationCommand {
  DeleteCommand() {
    super("delete", "deleted", ConnectorClient::delete, Capability.DELETE);
  }
}
