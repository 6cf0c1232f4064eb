package io.connectctl.cli.commands;

import picocli.CommandLine.Command;

/** {@code config get NAME}, {@code config set NAME -f FILE} and {@code config patch NAME}. */
@Command(
    name = "config",
    description = "Read or replace a connector's config.",
    subcommands = {ConfigGetCommand.class, ConfigSetCommand.class, ConfigPatchCommand.class})
final class ConfigCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw RootCommand.usage(
        "Missing subcommand: use 'config get NAME', 'config set NAME -f FILE' or"
            + " 'config patch NAME --set KEY=VALUE --unset KEY'");
  }
}
