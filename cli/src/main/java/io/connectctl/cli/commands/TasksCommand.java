package io.connectctl.cli.commands;

import io.connectctl.cli.config.Target;
import io.connectctl.cli.output.Table;
import io.connectctl.cli.output.Views;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.TaskConfig;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tasks NAME}: each task's config. JSON: {@code {name, context, vendor, tasks:[{id, config}]}}. */
@Command(name = "tasks", description = "Show a connector's tasks and their configs.")
final class TasksCommand extends BaseCommand {
  @Mixin
  NameSelection selection;

  private record Tasks(String name, List<TaskConfig> tasks) {}

  @Override
  public Integer call() {
    selection.check();
    ConnectorClient client = client(Capability.TASKS);
    Target target = target();
    return Reads.run(this, "list tasks of", selection, selection.resolve(client),
        name -> new Tasks(name, client.tasks(name)),
        t -> Views.tasks(target, t.name(), t.tasks(), showSecrets()),
        (out, all) -> {
          Table table = new Table("CONNECTOR", "TASK", "KEY", "VALUE");
          for (Tasks t : all) {
            for (TaskConfig task : t.tasks()) {
              for (Map.Entry<String, String> e : Views.config(task.config(), showSecrets()).entrySet()) {
                table.row(t.name(), task.id(), e.getKey(), e.getValue());
              }
            }
          }
          table.print(out);
        });
  }
}
