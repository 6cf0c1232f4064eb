package io.connectctl.cli.commands;

import io.connectctl.cli.local.LastLocalDir;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code local down [--dir DIR]}: stops the local cluster's processes; its data, logs and the
 * {@code local} context stay. The cloud gateways of {@code local up --clouds} stop first. Exit 0
 * also when it was not running. Without {@code --dir}, the sandbox {@code local up} last started.
 * JSON: {@code {stopped, dir}}.
 */
@Command(
    name = "down",
    description =
        "Stop the local cluster's broker and worker, and the cloud gateways if running (data and logs "
            + "stay in DIR).")
final class LocalDownCommand extends LocalCommand.LocalBase {
  @Override
  public Integer call() {
    Path dir = dataDir();
    boolean stopped = sandbox().down();
    LastLocalDir.forget(root().environment().env(), root().environment().home(), dir);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("stopped", stopped);
    view.put("dir", dir.toString());
    printer()
        .emit(
            view,
            out ->
                out.println(
                    stopped
                        ? "Stopped the local cluster (data kept in " + dir + ")."
                        : "The local cluster is not running (data in " + dir + ")."));
    return ok();
  }
}
