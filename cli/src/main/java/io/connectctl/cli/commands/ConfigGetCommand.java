package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorClient;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code config get NAME}: the config, secrets masked. JSON: {@code {name, context, vendor,
 * config:{…}}}.
 */
@Command(name = "get", description = "Show a connector's config (secret-looking values masked).")
final class ConfigGetCommand extends ReadCommand<Connector> {
  ConfigGetCommand() {
    super(
        "read config of",
        ConnectorClient::getConnector,
        (command, target, c) -> Views.config(target, c.name(), c.config(), command.showSecrets()),
        Capability.GET);
  }

  @Override
  void table(PrintStream out, Target target, List<Connector> all) {
    boolean several = all.size() > 1;
    Table table = several ? new Table("CONNECTOR", "KEY", "VALUE") : new Table("KEY", "VALUE");
    for (Connector c : all) {
      for (Map.Entry<String, String> e : Views.config(c.config(), showSecrets()).entrySet()) {
        if (several) {
          table.row(c.name(), e.getKey(), e.getValue());
        } else {
          table.row(e.getKey(), e.getValue());
        }
      }
    }
    table.print(out);
  }
}
