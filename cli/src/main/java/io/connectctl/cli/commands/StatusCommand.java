package io.connectctl.cli.commands;

import io.connectctl.cli.bulk.Reads;
import io.connectctl.cli.config.Target;
import io.connectctl.cli.options.ContextSelection;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.TaskStatus;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code status NAME}: the connector's state and its tasks'. JSON: a connector status. Over several
 * contexts ({@code --all-contexts}, {@code --contexts}, {@code --context-selector}) the tables get
 * a CONTEXT column and JSON is an array.
 */
@Command(
    name = "status",
    description =
        "Show the state of connectors and their tasks (of several contexts at once with"
            + " --all-contexts, --contexts or --context-selector).")
final class StatusCommand extends ReadCommand<ConnectorStatus> {
  @Mixin ContextSelection contexts;

  @Override
  ContextSelection contexts() {
    return contexts;
  }

  @Override
  void table(PrintStream out, List<Reads.Found<ConnectorStatus>> all) {
    Table connectors = new Table("CONTEXT", "NAME", "STATE", "VENDOR-STATE", "WORKER", "TASKS");
    Table tasks =
        new Table("CONTEXT", "CONNECTOR", "TASK", "STATE", "VENDOR-STATE", "WORKER", "TRACE");
    for (Reads.Found<ConnectorStatus> found : all) {
      ConnectorStatus s = found.value();
      String context = found.target().context();
      connectors.row(
          context, s.name(), s.state(), s.vendorState(), s.workerId(), Views.taskSummary(s));
      for (TaskStatus t : s.tasks()) {
        tasks.row(context, s.name(), t.id(), t.state(), t.vendorState(), t.workerId(), t.trace());
      }
    }
    print(out, connectors, tasks);
  }

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
    print(out, connectors, tasks);
  }

  private static void print(PrintStream out, Table connectors, Table tasks) {
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
