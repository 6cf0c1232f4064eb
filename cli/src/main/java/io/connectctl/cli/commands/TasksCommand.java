package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.TaskConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code tasks NAME}: each task's config. JSON: {@code {name, context, vendor, tasks:[{id,
 * config}]}}.
 */
@Command(name = "tasks", description = "Show a connector's tasks and their configs.")
final class TasksCommand extends ReadCommand<TasksCommand.Tasks> {
  /** One connector's tasks. */
  record Tasks(String name, List<TaskConfig> tasks) {}

  TasksCommand() {
    super(
        "list tasks of",
        (client, name) -> new Tasks(name, client.tasks(name)),
        (command, target, t) -> Views.tasks(target, t.name(), t.tasks(), command.showSecrets()),
        Capability.TASKS);
  }

  @Override
  void table(PrintStream out, Target target, List<Tasks> all) {
    Table table = new Table("CONNECTOR", "TASK", "KEY", "VALUE");
    for (Tasks t : all) {
      for (TaskConfig task : t.tasks()) {
        for (Map.Entry<String, String> e : Views.config(task.config(), showSecrets()).entrySet()) {
          table.row(t.name(), task.id(), e.getKey(), e.getValue());
        }
      }
    }
    table.print(out);
  }
}
