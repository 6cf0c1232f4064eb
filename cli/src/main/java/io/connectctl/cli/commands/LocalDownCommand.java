package io.connectctl.cli.commands;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code local down [--dir DIR]}: stops the local cluster's processes; its data, logs and the
 * {@code local} context stay. The cloud gateways of {@code local up --clouds} stop first. Exit 0
 * also when it was not running. JSON: {@code {stopped, dir}}.
 */
@Command(
    name = "down",
    description =
        "Stop the local cluster's broker and worker, and the cloud gateways if running (data and logs "
            + "stay in DIR).")
final class LocalDownCommand extends LocalCommand.LocalBase {
  @Override
  public Integer call() {
    boolean stopped = sandbox().down();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("stopped", stopped);
    view.put("dir", dataDir().toString());
    printer()
        .emit(
            view,
            out ->
                out.println(
                    stopped
                        ? "Stopped the local cluster (data kept in " + dataDir() + ")."
                        : "The local cluster is not running (data in " + dataDir() + ")."));
    return ok();
  }
}
