package io.connectctl.cli.commands;

import io.connectctl.cli.config.ConfigFile;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.LocalClusterException;
import io.connectctl.local.RunningCluster;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    LocalCluster cluster = cluster();
    RunningCluster running;
    try {
      running = cluster.start();
    } catch (LocalClusterException e) {
      throw failed(e);
    }
    boolean madeCurrent = contextFile.write(running.connectUrl());

    Map<String, Object> view = new LinkedHashMap<>();
    view.put("url", running.connectUrl());
    view.put("bootstrap_servers", running.bootstrapServers());
    view.put("dir", running.dataDir().toString());
    view.put("started", running.startedNow());
    view.put("start_seconds", running.startTime().toMillis() / 1000.0);
    view.put("broker_pid", running.brokerPid());
    view.put("worker_pid", running.workerPid());
    view.put("context", LocalContextFile.CONTEXT);
    view.put("config_file", configPath.toString());
    printer().emit(view, out -> {
      if (running.startedNow()) {
        out.println("Kafka Connect " + cluster.kafkaVersion() + " is running at " + running.connectUrl()
            + String.format(Locale.ROOT, " (started in %.1f s).", running.startTime().toMillis() / 1000.0));
      } else {
        out.println("The local cluster is already running at " + running.connectUrl() + ".");
      }
      out.println("Kafka bootstrap servers: " + running.bootstrapServers());
      out.println("Data and logs: " + running.dataDir());
      out.println("Context '" + LocalContextFile.CONTEXT + "' written to " + configPath
          + (madeCurrent ? " (now the current context)" : "")
          + "; try: connectctl get connectors --context " + LocalContextFile.CONTEXT);
      out.println("Stop it with: connectctl local down" + (dir == null ? "" : " --dir " + running.dataDir()));
    });
    return ok();
  }
}
