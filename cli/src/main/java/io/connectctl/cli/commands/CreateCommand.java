package io.connectctl.cli.commands;

import picocli.CommandLine.Command;

/** {@code create secret NAME}. */
@Command(
    name = "create",
    description = "Create resources (connectors are created with apply -f).",
    subcommands = CreateSecretCommand.class)
final class CreateCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw RootCommand.usage(
        "Missing resource type: use 'connectctl create secret NAME' (connectors: apply -f FILE)");
  }
}
