package io.connectctl.cli.commands;

import io.connectctl.cli.bulk.Reads;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.NameSelection;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code topics NAME}: the topics a connector has used. JSON: {@code {name, context, vendor,
 * topics:[…]}}. {@code topics reset NAME} clears that record ({@link TopicsResetCommand}).
 */
@Command(
    name = "topics",
    description = "Show the topics a connector has used ('topics reset NAME' clears them).",
    subcommands = TopicsResetCommand.class)
final class TopicsCommand extends BaseCommand {
  @Mixin NameSelection selection;

  private record Topics(String name, List<String> topics) {}

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(Capability.TOPICS);
    Target target = target();
    return Reads.run(
        this,
        "list topics of",
        selection,
        selection.resolve(client),
        name -> new Topics(name, client.topics(name)),
        t -> Views.topics(target, t.name(), t.topics()),
        (out, all) -> {
          Table table = new Table("CONNECTOR", "TOPIC");
          all.forEach(t -> t.topics().forEach(topic -> table.row(t.name(), topic)));
          table.print(out);
        });
  }
}
