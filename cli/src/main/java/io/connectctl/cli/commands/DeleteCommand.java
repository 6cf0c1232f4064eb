package io.connectctl.cli.commands;

import io.connectctl.cli.options.ConfirmOption;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code delete NAME…}. */
@Command(
    name = "delete",
    description = "Delete connectors (--wait awaits their disappearance).",
    subcommands = DeleteSecretCommand.class)
final class DeleteCommand extends MutationCommand {
  @Mixin ConfirmOption confirmOption;

  @Override
  ConfirmOption confirmation() {
    return confirmOption;
  }

  DeleteCommand() {
    super("delete", "deleted", ConnectorClient::delete, Capability.DELETE);
  }
}
