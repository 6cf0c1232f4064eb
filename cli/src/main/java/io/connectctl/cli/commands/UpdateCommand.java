package io.connectctl.cli.commands;

import picocli.CommandLine.Command;

/** {@code update secret NAME}. */
@Command(
    name = "update",
    description = "Update resources (connectors are updated with apply -f or config set).",
    subcommands = UpdateSecretCommand.class)
final class UpdateCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw RootCommand.usage("Missing resource type: use 'connectctl update secret NAME'");
  }
}
