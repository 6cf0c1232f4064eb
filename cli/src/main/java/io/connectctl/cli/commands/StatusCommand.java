package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.TaskStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status NAME}: the connector's state and its tasks'. JSON: a connector status. */
@Command(name = "status", description = "Show the state of connectors and their tasks.")
final class StatusCommand extends BaseCommand {
  @Mixin
  NameSelection selection;

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(Capability.STATUS);
    Target target = target();
    return Reads.run(this, "get status of", selection, selection.resolve(client), client::status,
        s -> Views.status(target, s),
        (out, all) -> {
          Table connectors = new Table("NAME", "STATE", "VENDOR-STATE", "WORKER", "TASKS");
          Table tasks = new Table("CONNECTOR", "TASK", "STATE", "VENDOR-STATE", "WORKER", "TRACE");
          for (ConnectorStatus s : all) {
            connectors.row(s.name(), s.state(), s.vendorState(), s.workerId(), Views.taskSummary(s));
            for (TaskStatus t : s.tasks()) {
              tasks.row(s.name(), t.id(), t.state(), t.vendorState(), t.workerId(), t.trace());
            }
          }
          connectors.print(out);
          if (!tasks.isEmpty()) {
            out.println();
            tasks.print(out);
          }
        });
  }
}
