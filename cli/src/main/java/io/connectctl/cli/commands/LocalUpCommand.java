package io.connectctl.cli.commands;

import io.connectctl.cli.config.ConfigFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code local up [--dir DIR]}: starts the local cluster (or finds it running), prints the worker's URL and writes a
 * {@code local} context ({@code vendor: kafka-connect}) into the config file, leaving the rest of the file as it was.
 * JSON: {@code {url, bootstrap_servers, dir, started, start_seconds, broker_pid, worker_pid, context, config_file}}.
 */
@Command(name = "up", description = {"Start a real single-node Kafka and a Kafka Connect worker on free loopback "
    + "ports (FileStream and MirrorMaker 2 connectors installed), wait until the worker accepts connectors, and "
    + "write a 'local' context into the config file.",
    "It keeps running after this command returns; 'local down' stops it. Data stays in DIR between runs."})
final class LocalUpCommand extends LocalCommand.LocalBase {
  @Override
  public Integer call() {
    Path configPath = ConfigFile.locate(root().configFile, root().environment().env(), root().environment().home());
    LocalContextFile contextFile = new LocalContextFile(configPath);
    contextFile.check();
    Map<String, Object> running = sandbox().up();
    String url = (String) running.get("url");
    boolean madeCurrent = contextFile.write(url);

    Map<String, Object> view = new LinkedHashMap<>();
    for (String key : List.of("url", "bootstrap_servers", "dir", "started", "start_seconds", "broker_pid",
        "worker_pid")) {
      view.put(key, running.get(key));
    }
    view.put("context", LocalContextFile.CONTEXT);
    view.put("config_file", configPath.toString());
    printer().emit(view, out -> {
      if (Boolean.TRUE.equals(running.get("started"))) {
        out.println("Kafka Connect " + running.get("kafka_version") + " is running at " + url
            + String.format(Locale.ROOT, " (started in %.1f s).", (Double) running.get("start_seconds")));
      } else {
        out.println("The local cluster is already running at " + url + ".");
      }
      out.println("Kafka bootstrap servers: " + running.get("bootstrap_servers"));
      out.println("Data and logs: " + running.get("dir"));
      out.println("Context '" + LocalContextFile.CONTEXT + "' written to " + configPath
          + (madeCurrent ? " (now the current context)" : "")
          + "; try: connectctl get connectors --context " + LocalContextFile.CONTEXT);
      out.println("Stop it with: connectctl local down" + (dir == null ? "" : " --dir " + running.get("dir")));
    });
    return ok();
  }
}
