package io.connectctl.cli.commands;

import picocli.CommandLine.Command;

/** {@code get connectors}. */
@Command(
    name = "get",
    description = "List resources.",
    subcommands = {GetConnectorsCommand.class, GetSecretsCommand.class, GetClustersCommand.class})
final class GetCommand extends BaseCommand {
  @Override
  public Integer call() {
    throw RootCommand.usage(
        "Missing resource type: use 'connectctl get connectors', 'get secrets' or 'get clusters'");
  }
}
