package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.TaskStatus;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code status NAME}: the connector's state and its tasks'. JSON: a connector status. */
@Command(name = "status", description = "Show the state of connectors and their tasks.")
final class StatusCommand extends ReadCommand<ConnectorStatus> {
  @Override
  void table(PrintStream out, Target target, List<ConnectorStatus> all) {
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
  }

  StatusCommand() {
    super(
        "get status of",
        ConnectorClient::status,
        (command, target, status) -> Views.status(target, status),
        Capability.STATUS);
  }
}
