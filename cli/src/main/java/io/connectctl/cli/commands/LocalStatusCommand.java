package io.connectctl.cli.commands;

import io.connectctl.cli.output.Table;
import io.connectctl.local.LocalClusterException;
import io.connectctl.local.RunningCluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code local status [--dir DIR]}: whether the local cluster runs, and where. Exit 0 either way.
 * JSON: {@code {running, url, bootstrap_servers, broker_pid, worker_pid, dir}} (the address fields only when running).
 */
@Command(name = "status", description = "Show whether the local cluster is running, its URL and its processes.")
final class LocalStatusCommand extends LocalCommand.LocalBase {
  @Override
  public Integer call() {
    Optional<RunningCluster> running;
    try {
      running = cluster().status();
    } catch (LocalClusterException e) {
      throw failed(e);
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("running", running.isPresent());
    running.ifPresent(r -> {
      view.put("url", r.connectUrl());
      view.put("bootstrap_servers", r.bootstrapServers());
      view.put("broker_pid", r.brokerPid());
      view.put("worker_pid", r.workerPid());
    });
    view.put("dir", dataDir().toString());
    printer().emit(view, out -> {
      Table table = new Table("STATE", "URL", "BOOTSTRAP", "BROKER PID", "WORKER PID", "DIR");
      if (running.isPresent()) {
        RunningCluster r = running.get();
        table.row("running", r.connectUrl(), r.bootstrapServers(), r.brokerPid(), r.workerPid(), r.dataDir());
      } else {
        table.row("stopped", "-", "-", "-", "-", dataDir());
      }
      table.print(out);
    });
    return ok();
  }
}
