package io.connectctl.cli.commands;

import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.RestartOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code restart NAME… [--include-tasks] [--only-failed]}, or {@code restart NAME --task N} for one
 * task.
 */
@Command(
    name = "restart",
    description =
        "Restart connectors, and with --include-tasks their tasks (--wait awaits RUNNING).")
final class RestartCommand extends MutationCommand {
  RestartCommand() {
    super(
        "restart",
        "restarted",
        null,
        Capability.RESTART); // start() below: the call depends on the options
  }

  @Option(
      names = "--include-tasks",
      description = "Restart the tasks too, not only the connector instance.")
  boolean includeTasks;

  @Option(names = "--only-failed", description = "Restart only the instances that failed.")
  boolean onlyFailed;

  @Option(
      names = "--task",
      paramLabel = "N",
      description = "Restart only task N (numbered from 0), not the connector.")
  Integer task;

  /** Plain restart first, so a vendor without restart says so rather than naming the options. */
  @Override
  Capability[] capabilities() {
    if (task != null) {
      if (includeTasks || onlyFailed) {
        throw io.connectctl.cli.CliException.usage(
            "--task restarts one task; it cannot be combined with "
                + "--include-tasks or --only-failed");
      }
      if (task < 0) {
        throw io.connectctl.cli.CliException.usage(
            "Invalid value for --task: " + task + " (tasks are numbered from 0)");
      }
      return new Capability[] {Capability.RESTART_TASK};
    }
    return includeTasks || onlyFailed
        ? new Capability[] {Capability.RESTART, Capability.RESTART_TASK_OPTIONS}
        : new Capability[] {Capability.RESTART};
  }

  @Override
  PendingChange start(ConnectorClient client, String name) {
    if (task != null) {
      return client.restartTask(name, task);
    }
    return client.restart(name, new RestartOptions(includeTasks, onlyFailed));
  }
}
