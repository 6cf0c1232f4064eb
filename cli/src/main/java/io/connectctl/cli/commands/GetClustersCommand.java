package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.SecretViews;
import io.connectctl.cli.output.Table;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectCluster;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code get clusters}: the Kafka Connect clusters with their version and plugin count. JSON:
 * {@code [{name, context, vendor, address, version, commit, kafkaClusterId, plugins: [{class, type,
 * version}]}]}.
 */
@Command(
    name = "clusters",
    aliases = "cluster",
    description = "List the Kafka Connect clusters with their versions.")
final class GetClustersCommand extends BaseCommand {
  @Override
  public Integer call() {
    List<ConnectCluster> clusters = client(Capability.CLUSTERS).clusters().list();
    Target target = target();
    printer()
        .emit(
            clusters.stream().map(c -> SecretViews.cluster(target, c)).toList(),
            out -> {
              if (clusters.isEmpty()) {
                err().println("No Connect clusters found in context '" + target.context() + "'.");
                return;
              }
              Table table = new Table("NAME", "VERSION", "PLUGINS", "ADDRESS");
              clusters.forEach(
                  c -> table.row(c.name(), c.version(), c.plugins().size(), c.address()));
              table.print(out);
            });
    return ok();
  }
}
