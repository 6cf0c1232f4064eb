package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.PluginInfo;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code plugins}: the connector plugins available. JSON: {@code [{context, vendor, class, type,
 * version}]}.
 */
@Command(name = "plugins", description = "List the connector plugins available.")
final class PluginsCommand extends BaseCommand implements io.connectctl.cli.output.NamelessOutput {
  @Override
  public Integer call() {
    List<PluginInfo> plugins = client(Capability.PLUGINS).plugins();
    Target target = target();
    printer()
        .emit(
            plugins.stream().map(p -> Views.plugin(target, p)).toList(),
            out -> {
              Table table = new Table("CLASS", "TYPE", "VERSION");
              plugins.forEach(
                  p -> table.row(p.className(), p.type().name().toLowerCase(), p.version()));
              table.print(out);
            });
    return ok();
  }
}
