package io.connectctl.cli.commands;

import picocli.CommandLine.Command;

/** {@code config get NAME} and {@code config set NAME -f FILE}. */
@Command(
    name = "config",
    description = "Read or replace a connector's config.",
    subcommands = {ConfigGetCommand.class, ConfigSetCommand.class})
final class ConfigCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw RootCommand.usage(
        "Missing subcommand: use 'config get NAME' or 'config set NAME -f FILE'");
  }
}
