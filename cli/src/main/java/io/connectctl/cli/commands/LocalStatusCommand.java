package io.connectctl.cli.commands;

import io.connectctl.cli.local.LocalSandbox;
import io.connectctl.cli.output.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * {@code local status [--dir DIR]}: whether the local cluster runs, and where. Exit 0 either way.
 * JSON: {@code {running, url, bootstrapServers, brokerPid, workerPid, dir}} (the address fields
 * only when running), plus {@code clouds: {pid, redpanda: {url, …}, confluent: {url, environment,
 * cluster}, yandex: {url, cluster}}} while the cloud gateways of {@code local up --clouds} run.
 */
@Command(
    name = "status",
    description = "Show whether the local cluster is running, its URL and its processes.")
final class LocalStatusCommand extends LocalCommand.LocalBase {
  @Override
  public Integer call() {
    Optional<Map<String, Object>> running = sandbox().status();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("running", running.isPresent());
    running.ifPresent(
        r -> {
          for (String key : new String[] {"url", "bootstrap_servers", "broker_pid", "worker_pid"}) {
            view.put(key, r.get(key));
          }
        });
    view.put("dir", dataDir().toString());
    LocalSandbox sandbox = sandbox();
    Optional<Map<String, Object>> clouds =
        running.isPresent() ? sandbox.clouds() : Optional.empty();
    clouds.ifPresent(c -> view.put("clouds", c));
    printer()
        .emit(
            io.connectctl.cli.output.Views.camelCase(view),
            out -> {
              Table table =
                  new Table("STATE", "URL", "BOOTSTRAP", "BROKER PID", "WORKER PID", "DIR");
              if (running.isPresent()) {
                Map<String, Object> r = running.get();
                table.row(
                    "running",
                    r.get("url"),
                    r.get("bootstrap_servers"),
                    r.get("broker_pid"),
                    r.get("worker_pid"),
                    r.get("dir"));
              } else {
                table.row("stopped", "-", "-", "-", "-", dataDir());
              }
              table.print(out);
              clouds.ifPresent(
                  c -> {
                    out.println();
                    Table gateways = new Table("CONTEXT", "API", "URL", "PID");
                    for (String vendor : new String[] {"redpanda", "confluent", "yandex"}) {
                      gateways.row(
                          "local-" + vendor,
                          vendor,
                          ((Map<?, ?>) c.get(vendor)).get("url"),
                          c.get("pid"));
                    }
                    gateways.print(out);
                  });
            });
    return ok();
  }
}
