package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.SecretViews;
import io.connectctl.cli.output.Table;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code describe cluster NAME}: version, address and plugins of one Connect cluster. JSON: one
 * cluster object.
 */
@Command(
    name = "cluster",
    aliases = "clusters",
    description = "Show a Kafka Connect cluster's version and plugins.")
final class DescribeClusterCommand extends BaseCommand {
  @Parameters(paramLabel = "NAME", description = "The Connect cluster (Redpanda Cloud: redpanda).")
  String name;

  @Override
  public Integer call() {
    ConnectCluster cluster = client(Capability.CLUSTERS).clusters().get(name);
    Target target = target();
    printer()
        .emit(
            SecretViews.cluster(target, cluster),
            out -> {
              DescribeCommand.heading(out, cluster.name(), target);
              DescribeCommand.field(out, "Version", dash(cluster.version()));
              DescribeCommand.field(out, "Commit", dash(cluster.commit()));
              DescribeCommand.field(out, "Kafka cluster", dash(cluster.kafkaClusterId()));
              DescribeCommand.field(out, "Address", dash(cluster.address()));
              out.println("Plugins:" + (cluster.plugins().isEmpty() ? " none reported" : ""));
              if (!cluster.plugins().isEmpty()) {
                Table table = new Table("CLASS", "TYPE", "VERSION");
                cluster
                    .plugins()
                    .forEach(
                        p -> table.row(p.className(), p.type().name().toLowerCase(), p.version()));
                DescribeCommand.indent(out, table);
              }
            });
    return ok();
  }

  private static String dash(String value) {
    return value.isEmpty() ? "-" : value;
  }
}
