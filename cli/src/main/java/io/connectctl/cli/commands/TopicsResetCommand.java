package io.connectctl.cli.commands;

import io.connectctl.cli.bulk.Changes;
import io.connectctl.cli.bulk.CompletedRequest;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code topics reset NAME…}: clears the record of topics each connector has used, so that {@code
 * topics NAME} shows only what it touches from then on. Vendors without it (Confluent, Yandex) are
 * refused before anything is sent (exit 1). JSON: {@code [{name, context, vendor, action:
 * "reset-topics", ok, operationId, error}]}.
 */
@Command(
    name = "reset",
    description = "Clear the record of topics connectors have used (Redpanda).")
final class TopicsResetCommand extends WriteCommand {
  @Mixin NameSelection selection;

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(Capability.RESET_TOPICS);
    return Changes.run(
        this,
        "reset topics of",
        "reset-topics",
        "topics reset",
        selection.resolve(client),
        Optional.empty(),
        name -> {
          client.resetTopics(name);
          return new CompletedRequest(name, "topics reset", "");
        });
  }
}
